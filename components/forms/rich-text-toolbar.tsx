"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { useRef, type KeyboardEvent } from "react";

export type ToolbarCommand = "bold" | "italic" | "bulletList";

const commands: { name: ToolbarCommand; run: (editor: Editor) => boolean }[] = [
  { name: "bold", run: (editor) => editor.chain().focus().toggleBold().run() },
  { name: "italic", run: (editor) => editor.chain().focus().toggleItalic().run() },
  { name: "bulletList", run: (editor) => editor.chain().focus().toggleBulletList().run() },
];

/**
 * The formatting toolbar of every rich-text editor: bold, italic and bullet list, one tab stop for
 * the whole toolbar, arrow keys (and Home/End) move between the buttons, as in any toolbar.
 */
export function RichTextToolbar({
  editor,
  label,
  labels,
  className,
}: {
  editor: Editor;
  label: string;
  labels: Record<ToolbarCommand, string>;
  className?: string;
}) {
  const toolbarRef = useRef<HTMLDivElement>(null);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      bulletList: current.isActive("bulletList"),
    }),
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const items = [...(toolbarRef.current?.querySelectorAll("button") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? items.length - 1
          : (index + (event.key === "ArrowRight" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
    event.preventDefault();
  }

  return (
    <div ref={toolbarRef} role="toolbar" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {commands.map((command, index) => (
        <button
          key={command.name}
          type="button"
          aria-pressed={active?.[command.name] ?? false}
          tabIndex={index === 0 ? 0 : -1}
          // Keeps the editor's selection: the command applies to what was selected.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => command.run(editor)}
        >
          {labels[command.name]}
        </button>
      ))}
    </div>
  );
}
