/**
 * Files (`/files`): the user's workspace, the folder their flows may always read and write. Browse
 * it by folder, upload (button or drag and drop, with progress), download, make folders, delete,
 * and copy a file's absolute path for a stop's path property.
 *
 * Its public surface is this file: the router imports `FilesPage` from here.
 *
 * Layout: `api/` one file per request (uploads go through XMLHttpRequest for their progress),
 * `hooks/` the page's uploads, `model/` workspace paths, `components/`, `i18n/` its strings (the
 * `workspace.*` section of the app's catalogue).
 */
export { FilesPage } from './components/FilesPage'
