//! Paste from web pages, Google Docs and Word: structure stays, styles and junk go.

import { afterEach, describe, expect, it } from "vitest";
import { cleanPastedHTML } from "../../src/editor/paste";
import { parseMarkdown, serializeMarkdown } from "../../src/editor/markdown";
import { mount, rawBlocks } from "./helpers";

// jsdom has no ClipboardEvent; ProseMirror's pasteHTML only needs the constructor.
if (typeof globalThis.ClipboardEvent === "undefined") {
  (globalThis as Record<string, unknown>).ClipboardEvent = class extends Event {
    clipboardData = null;
  };
}

afterEach(() => {
  document.body.innerHTML = "";
});

/** Pastes `html` into an empty editor and returns the Markdown. */
function paste(html: string): string {
  const e = mount("\n");
  e.view.pasteHTML(html);
  const md = e.getMarkdown();
  // What was pasted saves as Markdown that reopens as editable blocks, unchanged.
  const again = parseMarkdown(md);
  expect(rawBlocks(again)).toEqual([]);
  expect(serializeMarkdown(again)).toBe(md);
  return md;
}

const WEB = `<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
<article class="story"><h2 class="hed" style="font-size:30px">Port strike ends</h2>
<p class="lede" style="color:#333">Dockers <strong>returned</strong> to work on <em>Monday</em>, the
<a href="https://example.org/union" class="x" onclick="track()">union</a> said.</p>
<script>track()</script>
<ul><li>Ships waiting: 14</li><li>Days lost: <b>9</b></li></ul>
<a href="javascript:alert(1)">bad link</a>
</article></body></html>`;

const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt"><span style="font-size:20pt;font-family:Arial;font-weight:400">Ferry fares rise</span></h1><p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-weight:400">Fares go up by </span><span style="font-size:11pt;font-weight:700">8 per cent</span><span style="font-size:11pt;font-weight:400"> from </span><span style="font-size:11pt;font-style:italic;font-weight:400">June</span><span style="font-size:11pt;font-weight:400">, says </span><a href="https://example.org/ferries" style="text-decoration:none"><span style="font-size:11pt;color:#1155cc;text-decoration:underline">the operator</span></a><span style="font-size:11pt">.</span></p><ol style="margin-top:0"><li dir="ltr" style="list-style-type:decimal"><p dir="ltr" role="presentation"><span style="font-size:11pt">Adults</span></p></li><li dir="ltr"><p dir="ltr" role="presentation"><span style="font-size:11pt">Children</span></p></li></ol></b><br class="Apple-interchange-newline">`;

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment-->
<h2 style='mso-style-next:Normal'><span lang=EN-GB>Harbour plans<o:p></o:p></span></h2>
<p class=MsoNormal><span style='mso-bidi-font-weight:bold'>The plan is <b>final</b>, said the <i>mayor</i>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]>New quay<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span></span><![endif]>with two cranes<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span></span><![endif]>Wider road<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span></span><![endif]>First step<o:p></o:p></p>
<!--EndFragment-->
</body></html>`;

describe("paste", () => {
  it("from a web page keeps heading, emphasis, links and lists; drops scripts, styles, bad links", () => {
    const md = paste(WEB);
    expect(md).toContain("## Port strike ends");
    expect(md).toContain("Dockers **returned** to work on *Monday*, the [union](https://example.org/union) said.");
    expect(md).toContain("- Ships waiting: 14\n- Days lost: **9**");
    expect(md).toContain("bad link");
    expect(md).not.toMatch(/alert|track|javascript|color|class/);
  });

  it("from Google Docs drops the bold wrapper and reads weights and italics from styles", () => {
    const md = paste(GOOGLE_DOCS);
    expect(md).toContain("# Ferry fares rise");
    expect(md).toContain("Fares go up by **8 per cent** from *June*, says [the operator](https://example.org/ferries).");
    expect(md).toContain("1. Adults\n2. Children");
    expect(md).not.toContain("**Ferry");
    expect(md).not.toContain("docs-internal");
  });

  it("from Word turns pseudo-lists into lists and drops mso junk", () => {
    const md = paste(WORD);
    expect(md).toContain("## Harbour plans");
    expect(md).toContain("The plan is **final**, said the *mayor*.");
    // "mso-bidi-font-weight:bold" is Word's, not bold.
    expect(md).not.toContain("**The plan");
    expect(md).toContain("- New quay\n  - with two cranes\n- Wider road");
    expect(md).toContain("1. First step");
    expect(md).not.toMatch(/mso|Normal|·|WordDocument|o:p/);
  });

  it("a web figure becomes a figure with its caption", () => {
    const md = paste('<p>Before.</p><figure class="photo"><img src="https://example.org/p.jpg" alt="Quay" srcset="x 2x"><figcaption>The quay at <b>dusk</b>. <span class="credit">Photo: A. B.</span></figcaption></figure><p>After.</p>');
    expect(md).toBe("Before.\n\n![Quay](https://example.org/p.jpg)\n*The quay at **dusk**. Photo: A. B.*\n\nAfter.\n");
  });

  it("cleanPastedHTML strips attributes but keeps href, src, alt and title", () => {
    const html = cleanPastedHTML('<p class="a" style="color:red" data-x="1"><a href="/u" title="T" target="_blank">x</a><img src="i.png" alt="A" width="5"></p>');
    expect(html).toBe('<p><a href="/u" title="T">x</a><img src="i.png" alt="A"></p>');
  });
});
