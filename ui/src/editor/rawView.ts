//! The node view of a raw Markdown block: shows the source in a muted box; a double click
//! opens it for editing as plain text, and leaving the box puts the new Markdown back (parsed,
//! so a construct the editor knows becomes editable again).

import type { Node as PMNode } from "prosemirror-model";
import type { EditorView, NodeView } from "prosemirror-view";
import { parseMarkdown } from "./markdown";

export class RawBlockView implements NodeView {
  dom: HTMLElement;
  private pre: HTMLElement;
  private textarea: HTMLTextAreaElement | null = null;

  constructor(
    private node: PMNode,
    private view: EditorView,
    private getPos: () => number | undefined,
  ) {
    this.dom = document.createElement("div");
    this.dom.className = "raw-markdown-block";
    this.dom.contentEditable = "false";
    this.pre = document.createElement("pre");
    this.pre.className = "raw-markdown";
    this.pre.setAttribute("data-raw-markdown", "");
    this.pre.title = "Kept as Markdown: the editor cannot show this. Double-click to edit.";
    this.pre.textContent = node.attrs.source;
    this.pre.addEventListener("dblclick", () => this.open());
    this.dom.append(this.pre);
  }

  /** Opens the source for editing in a text area. */
  open(): void {
    if (this.textarea) return;
    const ta = document.createElement("textarea");
    ta.className = "raw-markdown-edit";
    ta.value = this.node.attrs.source;
    ta.rows = Math.max(2, this.node.attrs.source.split("\n").length);
    ta.spellcheck = false;
    ta.addEventListener("blur", () => this.close(true));
    ta.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.close(false);
      else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) this.close(true);
    });
    this.textarea = ta;
    this.pre.replaceWith(ta);
    ta.focus();
  }

  /** Closes the text area; with `commit`, replaces the block by the edited Markdown. */
  close(commit: boolean): void {
    const ta = this.textarea;
    if (!ta) return;
    this.textarea = null;
    ta.replaceWith(this.pre);
    const source = ta.value.replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
    const pos = this.getPos();
    if (!commit || pos === undefined || source === this.node.attrs.source) return;
    const tr = this.view.state.tr;
    if (source.trim() === "") {
      tr.delete(pos, pos + this.node.nodeSize);
    } else {
      const blocks: PMNode[] = [];
      parseMarkdown(source).forEach((b, _o, i) => {
        blocks.push(i === 0 ? b.type.create({ ...b.attrs, blank: this.node.attrs.blank }, b.content, b.marks) : b);
      });
      tr.replaceWith(pos, pos + this.node.nodeSize, blocks);
    }
    this.view.dispatch(tr);
    this.view.focus();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    if (!this.textarea) this.pre.textContent = node.attrs.source;
    return true;
  }

  stopEvent(event: Event): boolean {
    return this.textarea !== null && event.target === this.textarea;
  }

  ignoreMutation(): boolean {
    return true;
  }
}
