//! The editor object: Markdown in and out, commands and keyboard shortcuts.

import { afterEach, describe, expect, it, vi } from "vitest";
import { mount, press, selectText, type } from "./helpers";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("createEditor", () => {
  it("gives back the Markdown it was given, untouched", () => {
    const md = "# T\n\nSome _text_ and **bold**.\n\n* a\n* b\n";
    const e = mount(md);
    expect(e.getMarkdown()).toBe(md);
    expect(e.view.dom.getAttribute("data-testid")).toBe("editor");
    expect(e.view.dom.querySelector("h1")?.textContent).toBe("T");
  });

  it("setMarkdown replaces the document and onChange reports edits", () => {
    const onChange = vi.fn();
    const e = mount("a\n", { onChange });
    e.setMarkdown("b\n");
    expect(e.getMarkdown()).toBe("b\n");
    expect(onChange).not.toHaveBeenCalled();
    selectText(e, "b", true);
    type(e, "c");
    expect(onChange).toHaveBeenLastCalledWith("bc\n");
  });

  it("with changeDelay, coalesces onChange and flushes on demand and on destroy", () => {
    vi.useFakeTimers();
    try {
      const onChange = vi.fn();
      const e = mount("a\n", { onChange, changeDelay: 200 });
      selectText(e, "a", true);
      expect(e.hasPendingChange()).toBe(false);
      type(e, "bc");
      expect(onChange).not.toHaveBeenCalled();
      expect(e.hasPendingChange()).toBe(true);
      vi.advanceTimersByTime(200);
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(onChange).toHaveBeenLastCalledWith("abc\n");
      expect(e.hasPendingChange()).toBe(false);
      type(e, "d");
      expect(e.hasPendingChange()).toBe(true);
      e.flush();
      expect(e.hasPendingChange()).toBe(false);
      expect(onChange).toHaveBeenLastCalledWith("abcd\n");
      type(e, "e");
      e.destroy();
      expect(onChange).toHaveBeenLastCalledWith("abcde\n");
      expect(onChange).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("an empty draft stays empty and ends with a newline once written in", () => {
    const e = mount("");
    expect(e.getMarkdown()).toBe("");
    type(e, "Hello");
    expect(e.getMarkdown()).toBe("Hello\n");
  });

  it("shows what it cannot edit as a raw Markdown box", () => {
    const e = mount("| a |\n|---|\n| 1 |\n");
    const pre = e.view.dom.querySelector("pre.raw-markdown");
    expect(pre?.textContent).toBe("| a |\n|---|\n| 1 |");
  });

  it("a double-clicked raw block opens its source; leaving it puts the edit back", () => {
    const e = mount("Intro.\n\n| a |\n|---|\n| 1 |\n\nEnd.\n");
    const pre = e.view.dom.querySelector("pre.raw-markdown")!;
    pre.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
    const ta = e.view.dom.querySelector("textarea.raw-markdown-edit") as HTMLTextAreaElement;
    expect(ta.value).toBe("| a |\n|---|\n| 1 |");
    ta.value = "| a |\n|---|\n| 2 |";
    ta.dispatchEvent(new FocusEvent("blur"));
    expect(e.getMarkdown()).toBe("Intro.\n\n| a |\n|---|\n| 2 |\n\nEnd.\n");
    expect(e.view.dom.querySelector("textarea")).toBeNull();
  });

  it("a raw block edited into prose becomes editable blocks; Escape cancels an edit", () => {
    const e = mount("Intro.\n\n<div>x</div>\n");
    const open = () => {
      e.view.dom.querySelector("pre.raw-markdown")!.dispatchEvent(new MouseEvent("dblclick", { bubbles: true }));
      return e.view.dom.querySelector("textarea.raw-markdown-edit") as HTMLTextAreaElement;
    };
    let ta = open();
    ta.value = "changed";
    ta.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(e.getMarkdown()).toBe("Intro.\n\n<div>x</div>\n");
    ta = open();
    ta.value = "Now *plain* prose.";
    ta.dispatchEvent(new FocusEvent("blur"));
    expect(e.getMarkdown()).toBe("Intro.\n\nNow *plain* prose.\n");
    expect(e.view.dom.querySelector("pre.raw-markdown")).toBeNull();
    expect(e.view.dom.querySelectorAll("p")[1].querySelector("em")?.textContent).toBe("plain");
  });

  it("toggleBold and toggleItalic, by command and by Ctrl+B / Ctrl+I", () => {
    const e = mount("one two three\n");
    selectText(e, "two");
    expect(e.toggleBold()).toBe(true);
    expect(e.getMarkdown()).toBe("one **two** three\n");
    selectText(e, "three");
    press(e, "i", { ctrl: true });
    expect(e.getMarkdown()).toBe("one **two** *three*\n");
    selectText(e, "two");
    press(e, "b", { ctrl: true });
    expect(e.getMarkdown()).toBe("one two *three*\n");
  });

  it("setLink adds, changes and removes a link", () => {
    const e = mount("read the memo now\n");
    selectText(e, "memo");
    e.setLink("https://example.org/m", "The memo");
    expect(e.getMarkdown()).toBe('read the [memo](https://example.org/m "The memo") now\n');
    // An empty selection inside the link changes the whole link.
    selectText(e, "em", true);
    e.setLink("https://example.org/n");
    expect(e.getMarkdown()).toBe("read the [memo](https://example.org/n) now\n");
    e.setLink(null);
    expect(e.getMarkdown()).toBe("read the memo now\n");
  });

  it("Ctrl+K asks for a link", async () => {
    const e = mount("see this\n", { onLinkRequest: async () => ({ href: "https://x.org", title: null }) });
    selectText(e, "this");
    press(e, "k", { ctrl: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(e.getMarkdown()).toBe("see [this](https://x.org)\n");
  });

  it("headings by command and Ctrl+Alt+1..3; the same level again gives a paragraph", () => {
    const e = mount("Title\n\nBody\n");
    selectText(e, "Title");
    e.setHeading(2);
    expect(e.getMarkdown()).toBe("## Title\n\nBody\n");
    press(e, "1", { ctrl: true, alt: true });
    expect(e.getMarkdown()).toBe("# Title\n\nBody\n");
    press(e, "3", { ctrl: true, alt: true });
    expect(e.getMarkdown()).toBe("### Title\n\nBody\n");
    e.setHeading(3);
    expect(e.getMarkdown()).toBe("Title\n\nBody\n");
  });

  it("a setext heading keeps its style when its level changes between 1 and 2", () => {
    const e = mount("Title\n=====\n");
    selectText(e, "Title");
    e.setHeading(2);
    expect(e.getMarkdown()).toBe("Title\n-----\n");
  });

  it("lists, block quotes and rules", () => {
    const e = mount("one\n\ntwo\n");
    selectText(e, "one");
    e.bulletList();
    expect(e.getMarkdown()).toBe("- one\n\ntwo\n");
    e.orderedList();
    expect(e.getMarkdown()).toBe("1. one\n\ntwo\n");
    e.orderedList();
    expect(e.getMarkdown()).toBe("one\n\ntwo\n");
    selectText(e, "two");
    e.blockquote();
    expect(e.getMarkdown()).toBe("one\n\n> two\n");
    e.blockquote();
    expect(e.getMarkdown()).toBe("one\n\ntwo\n");
    selectText(e, "one", true);
    e.horizontalRule();
    expect(e.getMarkdown()).toContain("---");
  });

  it("Enter in a list makes a new item with the list's markers", () => {
    const e = mount("* a\n* b\n");
    selectText(e, "b", true);
    press(e, "Enter");
    type(e, "c");
    expect(e.getMarkdown()).toBe("* a\n* b\n* c\n");
  });

  it("insertImage adds a figure with a caption", () => {
    const e = mount("Text\n");
    selectText(e, "Text", true);
    e.insertImage({ src: "pic.jpg", alt: "A pic", caption: "The caption." });
    expect(e.getMarkdown()).toBe("Text\n\n![A pic](pic.jpg)\n*The caption.*\n");
    expect(e.view.dom.querySelector("figure figcaption")?.textContent).toBe("The caption.");
  });

  it("active() reports marks and blocks at the selection, and onStateChange follows it", () => {
    const seen: number[] = [];
    const e = mount("## Head\n\n> - **bold** and [link](u)\n", { onStateChange: (a) => seen.push(a.heading) });
    selectText(e, "Head", true);
    expect(e.active()).toMatchObject({ heading: 2, bold: false, bulletList: false, blockquote: false });
    selectText(e, "bold");
    expect(e.active()).toMatchObject({ heading: 0, bold: true, italic: false, bulletList: true, orderedList: false, blockquote: true });
    selectText(e, "link");
    expect(e.active().link).toBe(true);
    expect(seen).toEqual([2, 0, 0]);
  });

  it("typed text with Markdown characters survives a save and reopen", () => {
    const e = mount("x\n");
    selectText(e, "x", true);
    type(e, " *not em* _nor_ [sic](x) `c` <b> &amp; \\* 1. ok");
    const md = e.getMarkdown();
    const again = mount(md);
    expect(again.view.state.doc.textContent).toBe(e.view.state.doc.textContent);
    expect(again.getMarkdown()).toBe(md);
  });

  it("text typed at a line start that looks like a block marker stays text", () => {
    for (const start of ["# not a heading", "- not a list", "1990. A year", "> not a quote", "==="]) {
      const e = mount("\n");
      type(e, start);
      const again = mount(e.getMarkdown());
      expect(again.view.state.doc.firstChild?.type.name).toBe("paragraph");
      expect(again.view.state.doc.textContent).toBe(start);
    }
  });
});
