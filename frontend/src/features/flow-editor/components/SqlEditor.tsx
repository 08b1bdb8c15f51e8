import { sql } from '@codemirror/lang-sql'
import CodeMirror, { EditorView } from '@uiw/react-codemirror'
import { useMemo } from 'react'

type Props = {
  id?: string
  value: string
  onChange: (value: string) => void
  /** Read by screen readers (the editable area is not an <input>, so <label for> does not reach it). */
  label?: string
  describedBy?: string
  minHeight?: string
}

const basicSetup = { lineNumbers: false, foldGutter: false, highlightActiveLine: false }

/** A Spark SQL editor (CodeMirror): highlighting, brackets, completion of SQL keywords. */
export function SqlEditor({ id, value, onChange, label, describedBy, minHeight = '120px' }: Props) {
  const extensions = useMemo(() => {
    const attributes: Record<string, string> = {}
    if (label) attributes['aria-label'] = label
    if (describedBy) attributes['aria-describedby'] = describedBy
    return [sql(), EditorView.lineWrapping, EditorView.contentAttributes.of(attributes)]
  }, [label, describedBy])
  return (
    <CodeMirror
      id={id}
      className="sql-editor nodrag"
      value={value}
      onChange={onChange}
      extensions={extensions}
      basicSetup={basicSetup}
      minHeight={minHeight}
      maxHeight="320px"
    />
  )
}
