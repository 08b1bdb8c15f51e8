"""Workspace: each user's own folder for the files their flows read and write.

The folder is ``access.selectors.workspace_dir(user)`` (``$PIFLOW_DATA_DIR/files/<user id>/``),
the place a non-admin's flows may always use. The API lists it, uploads into it, downloads from
it, makes folders and deletes; every path is relative to the workspace and never leaves it
(``workspace.paths``). There is no model: the files on disk are the truth. An admin has a
workspace too, and cannot browse another user's by path.
"""
