import { Fragment, type ReactNode } from "react";
import type { RichTextDoc, RichTextNode } from "@/server/rich-text/validate";

/**
 * Renders validated ProseMirror JSON as React elements: only the nodes and marks of the editor's
 * schema, never HTML strings, so stored text stays inert wherever it is shown.
 */
export function RichTextView({ doc }: { doc: RichTextDoc }) {
  return <div className="rich-text">{renderNodes(doc.content ?? [])}</div>;
}

function renderNodes(nodes: RichTextNode[]): ReactNode[] {
  return nodes.map((node, index) => <Fragment key={index}>{renderNode(node)}</Fragment>);
}

function renderNode(node: RichTextNode): ReactNode {
  const children = renderNodes(node.content ?? []);
  switch (node.type) {
    case "paragraph":
      return <p>{children}</p>;
    case "bulletList":
      return <ul>{children}</ul>;
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : undefined;
      return <ol start={start}>{children}</ol>;
    }
    case "listItem":
      return <li>{children}</li>;
    case "hardBreak":
      return <br />;
    case "text":
      return renderMarks(node.text ?? "", node.marks ?? []);
    default:
      return null;
  }
}

function renderMarks(text: string, marks: NonNullable<RichTextNode["marks"]>): ReactNode {
  return marks.reduce<ReactNode>((inner, mark) => {
    if (mark.type === "bold") return <strong>{inner}</strong>;
    if (mark.type === "italic") return <em>{inner}</em>;
    return inner;
  }, text);
}
