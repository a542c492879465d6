//! The body pipeline: parse the Markdown, adapt the events block by block,
//! then let `push_html` write them.
//!
//! Adaptations, each on the event stream:
//! - a paragraph holding only an image (and maybe an italic caption line)
//!   becomes a `<figure>`;
//! - empty paragraphs (whitespace, `&nbsp;`, line breaks) are dropped;
//! - link and image URLs with unsafe schemes lose their link or image, keeping
//!   the text;
//! - footnote references become numbered `<sup>` links and the definitions a
//!   list at the end;
//! - table cells lose inline alignment styles (kept as `data-align`);
//! - any top-level block containing raw HTML is rendered and then cleaned by
//!   the sanitiser as one unit, so its tags stay balanced.

use std::collections::HashMap;

use pulldown_cmark::{html, Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::images::{self, Asset};
use super::{sanitize, Error};

/// The rendered body and what the page around it needs to know.
pub(super) struct Body {
    pub html: String,
    pub assets: Vec<Asset>,
    pub word_count: u32,
    /// The plain text of the first paragraph, for a description fallback.
    pub summary: String,
    /// The first image with an absolute `http(s)` URL, for Open Graph.
    pub first_image: Option<String>,
}

/// The Markdown extensions export enables.
pub(super) fn parser_options() -> Options {
    Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
}

pub(super) fn render(markdown: &str, opts: &super::Options) -> Result<Body, Error> {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, parser_options()).collect();
    let mut ctx = Ctx::new(opts);
    ctx.number_footnotes(&events);

    let mut out = Vec::with_capacity(events.len());
    let mut definitions: HashMap<String, &[Event<'_>]> = HashMap::new();
    for block in top_level_blocks(&events) {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &block[0] {
            definitions.insert(label.to_string(), &block[1..block.len() - 1]);
            continue;
        }
        ctx.block(block, &mut out)?;
    }
    if !definitions.is_empty() {
        let notes = ctx.footnotes_section(&definitions)?;
        out.push(Event::Html(notes.into()));
    }

    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html, out.into_iter());
    Ok(Body {
        html,
        assets: ctx.assets,
        word_count: ctx.words.count,
        summary: ctx.summary.unwrap_or_default(),
        first_image: ctx.first_image,
    })
}

/// Splits off the first level-one heading as the headline.
pub(super) fn split_headline(markdown: &str) -> (Option<String>, String) {
    let mut parser = Parser::new_ext(markdown, parser_options()).into_offset_iter();
    while let Some((event, range)) = parser.next() {
        if let Event::Start(Tag::Heading {
            level: HeadingLevel::H1,
            ..
        }) = event
        {
            let mut text = String::new();
            for (event, _) in parser.by_ref() {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(&t),
                    Event::SoftBreak | Event::HardBreak => text.push(' '),
                    _ => {}
                }
            }
            let mut body = String::with_capacity(markdown.len());
            body.push_str(&markdown[..range.start]);
            body.push_str(markdown[range.end..].trim_start_matches(['\n', '\r']));
            let text = text.trim().to_string();
            return ((!text.is_empty()).then_some(text), body);
        }
    }
    (None, markdown.to_string())
}

/// Splits a well-nested event list into its top-level blocks.
fn top_level_blocks<'e, 'a>(events: &'e [Event<'a>]) -> impl Iterator<Item = &'e [Event<'a>]> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= events.len() {
            return None;
        }
        let end = start + block_len(&events[start..]);
        let block = &events[start..end];
        start = end;
        Some(block)
    })
}

/// The number of events in the block opening `events` (1 for a lone event).
fn block_len(events: &[Event<'_>]) -> usize {
    let mut depth = 0usize;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            return i + 1;
        }
    }
    events.len()
}

struct Ctx<'o> {
    opts: &'o super::Options,
    assets: Vec<Asset>,
    /// Footnote label to its number, in order of first reference.
    footnotes: HashMap<String, usize>,
    /// How many references to each footnote number were written so far.
    references: HashMap<usize, usize>,
    /// The body's words, counted as the text streams past.
    words: Words,
    /// The text of the paragraph being read, while no summary is found yet.
    capture: Option<String>,
    summary: Option<String>,
    first_image: Option<String>,
    /// Per open link or image: whether it was kept.
    links: Vec<bool>,
    images: Vec<bool>,
    table: Table,
}

#[derive(Default)]
struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl<'o> Ctx<'o> {
    fn new(opts: &'o super::Options) -> Self {
        Ctx {
            opts,
            assets: Vec::new(),
            footnotes: HashMap::new(),
            references: HashMap::new(),
            words: Words::default(),
            capture: None,
            summary: None,
            first_image: None,
            links: Vec::new(),
            images: Vec::new(),
            table: Table::default(),
        }
    }

    fn text(&mut self, text: &str) {
        self.words.feed(text);
        if let Some(capture) = &mut self.capture {
            capture.push_str(text);
        }
    }

    fn text_char(&mut self, c: char) {
        self.text(c.encode_utf8(&mut [0; 4]));
    }

    fn number_footnotes(&mut self, events: &[Event<'_>]) {
        for event in events {
            if let Event::FootnoteReference(label) = event {
                let next = self.footnotes.len() + 1;
                self.footnotes.entry(label.to_string()).or_insert(next);
            }
        }
    }

    /// Adapts one top-level block onto `out`.
    fn block<'a>(&mut self, block: &[Event<'a>], out: &mut Vec<Event<'a>>) -> Result<(), Error> {
        let has_html = block
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
        if !has_html {
            return self.events(block, out);
        }
        if let Some(simple) = simple_inline_html(block) {
            return self.events(&simple, out);
        }
        let mut adapted = Vec::with_capacity(block.len());
        self.events(block, &mut adapted)?;
        let mut raw = String::new();
        html::push_html(&mut raw, adapted.into_iter());
        let mut clean = sanitize::clean(raw.trim_end());
        if sanitize::shows_nothing(&clean) {
            return Ok(());
        }
        if matches!(block[0], Event::Start(Tag::HtmlBlock)) && !sanitize::has_block_element(&clean)
        {
            // What is left of a raw block (`<div>text</div>`) is a paragraph.
            clean = format!("<p>{}</p>", clean.trim());
        }
        out.push(Event::Html(format!("{}\n", clean.trim_end()).into()));
        Ok(())
    }

    /// Adapts a run of events onto `out`.
    fn events<'a>(&mut self, events: &[Event<'a>], out: &mut Vec<Event<'a>>) -> Result<(), Error> {
        let mut i = 0;
        while i < events.len() {
            let event = &events[i];
            match event {
                Event::Start(Tag::Paragraph) => {
                    let len = block_len(&events[i..]);
                    let inner = &events[i + 1..i + len - 1];
                    self.paragraph(inner, out)?;
                    self.text_char('\n');
                    i += len;
                    continue;
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let keep = sanitize::link_is_safe(dest_url);
                    self.links.push(keep);
                    if keep {
                        out.push(event.clone());
                    }
                }
                Event::End(TagEnd::Link) => {
                    if self.links.pop().unwrap_or(true) {
                        out.push(event.clone());
                    }
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => match self.image_src(dest_url)? {
                    Some(src) => {
                        self.images.push(true);
                        out.push(Event::Start(Tag::Image {
                            link_type: *link_type,
                            dest_url: src.into(),
                            title: title.clone(),
                            id: id.clone(),
                        }));
                    }
                    None => self.images.push(false),
                },
                Event::End(TagEnd::Image) => {
                    if self.images.pop().unwrap_or(true) {
                        out.push(event.clone());
                    }
                }
                Event::FootnoteReference(label) => out.push(self.footnote_reference(label)),
                Event::Start(Tag::Table(alignments)) => {
                    self.table = Table {
                        alignments: alignments.clone(),
                        in_head: false,
                        column: 0,
                    };
                    out.push(Event::Start(Tag::Table(Vec::new())));
                }
                Event::Start(Tag::TableHead) => {
                    self.table.in_head = true;
                    self.table.column = 0;
                    out.push(event.clone());
                }
                Event::End(TagEnd::TableHead) => {
                    self.table.in_head = false;
                    out.push(event.clone());
                }
                Event::Start(Tag::TableRow) => {
                    self.table.column = 0;
                    out.push(event.clone());
                }
                Event::Start(Tag::TableCell) => out.push(self.table_cell()),
                Event::End(TagEnd::TableCell) => {
                    self.table.column += 1;
                    self.text_char(' ');
                    out.push(event.clone());
                }
                Event::Text(text) | Event::Code(text) => {
                    self.text(text);
                    out.push(event.clone());
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.text_char(' ');
                    out.push(event.clone());
                }
                Event::End(_) => {
                    self.text_char('\n');
                    out.push(event.clone());
                }
                _ => out.push(event.clone()),
            }
            i += 1;
        }
        Ok(())
    }

    fn paragraph<'a>(
        &mut self,
        inner: &[Event<'a>],
        out: &mut Vec<Event<'a>>,
    ) -> Result<(), Error> {
        if inner.iter().all(is_blank) {
            return Ok(());
        }
        if let Some(figure) = Figure::find(inner) {
            if let Some(html) = self.figure(&figure)? {
                out.push(Event::Html(html.into()));
                return Ok(());
            }
        }
        if self.summary.is_none() {
            self.capture = Some(String::new());
        }
        out.push(Event::Start(Tag::Paragraph));
        self.events(inner, out)?;
        out.push(Event::End(TagEnd::Paragraph));
        if let Some(text) = self.capture.take() {
            let text = text.trim();
            if !text.is_empty() {
                self.summary = Some(text.to_string());
            }
        }
        Ok(())
    }

    /// The figure's HTML, or `None` when its image was dropped as unsafe.
    fn figure(&mut self, figure: &Figure<'_, '_>) -> Result<Option<String>, Error> {
        let Some(src) = self.image_src(figure.src)? else {
            return Ok(None);
        };
        let alt = plain_text(figure.alt);
        self.text(&alt);
        self.text_char('\n');
        let mut html = String::from("<figure><img src=\"");
        push_escaped(&mut html, &src);
        html.push_str("\" alt=\"");
        push_escaped(&mut html, &alt);
        html.push('"');
        let caption = match (figure.caption, figure.title.trim()) {
            (Some(caption), title) => {
                if !title.is_empty() {
                    html.push_str(" title=\"");
                    push_escaped(&mut html, title);
                    html.push('"');
                }
                let mut events = Vec::new();
                self.events(caption, &mut events)?;
                let mut rendered = String::new();
                html::push_html(&mut rendered, events.into_iter());
                Some(rendered)
            }
            (None, "") => None,
            (None, title) => {
                self.text(title);
                let mut escaped = String::new();
                push_escaped(&mut escaped, title);
                Some(escaped)
            }
        };
        html.push('>');
        if let Some(caption) = caption {
            html.push_str("<figcaption>");
            html.push_str(caption.trim());
            html.push_str("</figcaption>");
        }
        html.push_str("</figure>\n");
        self.text_char('\n');
        Ok(Some(html))
    }

    /// The `src` to write for an image, or `None` to drop it as unsafe.
    fn image_src(&mut self, src: &str) -> Result<Option<String>, Error> {
        let resolved = images::resolve(src, self.opts, &mut self.assets)?;
        if let Some(url) = &resolved {
            if self.first_image.is_none() && images::is_remote(url) {
                self.first_image = Some(url.clone());
            }
        }
        Ok(resolved)
    }

    fn footnote_reference<'a>(&mut self, label: &str) -> Event<'a> {
        let Some(&number) = self.footnotes.get(label) else {
            return Event::Text(format!("[^{label}]").into());
        };
        let seen = self.references.entry(number).or_insert(0);
        *seen += 1;
        let id = if *seen == 1 {
            format!("fnref-{number}")
        } else {
            format!("fnref-{number}-{seen}")
        };
        Event::InlineHtml(
            format!("<sup id=\"{id}\"><a href=\"#fn-{number}\">{number}</a></sup>").into(),
        )
    }

    fn table_cell<'a>(&self) -> Event<'a> {
        let tag = if self.table.in_head { "th" } else { "td" };
        let align = match self.table.alignments.get(self.table.column) {
            Some(Alignment::Left) => " data-align=\"left\"",
            Some(Alignment::Center) => " data-align=\"center\"",
            Some(Alignment::Right) => " data-align=\"right\"",
            _ => "",
        };
        Event::InlineHtml(format!("<{tag}{align}>").into())
    }

    /// The footnotes as an ordered list: referenced ones in order of first
    /// reference, then any never referenced, so no text is lost.
    fn footnotes_section(
        &mut self,
        definitions: &HashMap<String, &[Event<'_>]>,
    ) -> Result<String, Error> {
        let mut notes: Vec<(usize, &str)> = Vec::new();
        let mut unreferenced: Vec<&str> = Vec::new();
        for label in definitions.keys() {
            match self.footnotes.get(label) {
                Some(&n) => notes.push((n, label)),
                None => unreferenced.push(label),
            }
        }
        notes.sort_unstable();
        unreferenced.sort_unstable();
        let mut html = String::from("<section id=\"footnotes\" aria-label=\"Notes\">\n<ol>\n");
        let ordered = notes
            .iter()
            .map(|&(n, label)| (label, Some(n)))
            .chain(unreferenced.iter().map(|&l| (l, None)));
        for (index, (label, number)) in ordered.enumerate() {
            let mut events = Vec::new();
            for block in top_level_blocks(definitions[label]) {
                self.block(block, &mut events)?;
            }
            let mut body = String::new();
            html::push_html(&mut body, events.into_iter());
            let mut body = body.trim_end().to_string();
            if let Some(n) = number {
                let backlink = format!(
                    " <a href=\"#fnref-{n}\" aria-label=\"Back to reference {n}\">↩\u{fe0e}</a>"
                );
                if body.ends_with("</p>") {
                    body.insert_str(body.len() - 4, &backlink);
                } else {
                    body.push_str(&format!("\n<p>{}</p>", backlink.trim_start()));
                }
            }
            html.push_str(&format!(
                "<li id=\"fn-{}\">\n{body}\n</li>\n",
                number.unwrap_or(index + 1)
            ));
        }
        html.push_str("</ol>\n</section>\n");
        Ok(html)
    }
}

/// A paragraph that is one image, maybe with an italic caption line.
struct Figure<'e, 'a> {
    src: &'e str,
    title: &'e str,
    alt: &'e [Event<'a>],
    /// The caption's inline events (inside the emphasis).
    caption: Option<&'e [Event<'a>]>,
}

impl<'e, 'a> Figure<'e, 'a> {
    fn find(inner: &'e [Event<'a>]) -> Option<Self> {
        let Some(Event::Start(Tag::Image {
            dest_url, title, ..
        })) = inner.first()
        else {
            return None;
        };
        let image_len = block_len(inner);
        let alt = &inner[1..image_len - 1];
        let mut rest = &inner[image_len..];
        while let Some((last, init)) = rest.split_last() {
            if is_blank(last) {
                rest = init;
            } else {
                break;
            }
        }
        let caption = match rest {
            [] => None,
            [Event::SoftBreak | Event::HardBreak, line @ ..] => {
                let Some(Event::Start(Tag::Emphasis)) = line.first() else {
                    return None;
                };
                if block_len(line) != line.len() {
                    return None;
                }
                Some(&line[1..line.len() - 1])
            }
            _ => return None,
        };
        Some(Figure {
            src: dest_url,
            title,
            alt,
            caption,
        })
    }
}

/// Counts words as `model::word_count` does, fed a piece at a time (smart
/// punctuation splits "it’s" into three text events).
#[derive(Default)]
struct Words {
    count: u32,
    in_word: bool,
}

impl Words {
    fn feed(&mut self, text: &str) {
        for c in text.chars() {
            let alphanumeric = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else if ('\u{2000}'..='\u{206f}').contains(&c) {
                // General punctuation (curly quotes, dashes, ellipsis): a
                // common case, decided without the Unicode tables.
                false
            } else {
                c.is_alphanumeric()
            };
            if alphanumeric {
                self.count += u32::from(!self.in_word);
                self.in_word = true;
            } else if !(self.in_word && matches!(c, '\'' | '’' | '-' | '‐')) {
                self.in_word = false;
            }
        }
    }
}

/// Inline formatting tags raw HTML may use without the full sanitiser.
const SIMPLE_TAGS: [&str; 21] = [
    "abbr", "b", "bdi", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
    "samp", "small", "strong", "sub", "sup", "u", "var",
];

/// The block with its raw HTML rewritten, when every piece of it is a plain
/// inline tag from [`SIMPLE_TAGS`] (or `<br>`, `<wbr>`) with at most `title`
/// and `lang` attributes, properly nested with the Markdown around it.
/// Anything else (`None`) goes through the full sanitiser.
fn simple_inline_html<'a>(block: &[Event<'a>]) -> Option<Vec<Event<'a>>> {
    if matches!(block.first(), Some(Event::Start(Tag::HtmlBlock))) {
        return None;
    }
    let mut open: Vec<Option<&'static str>> = Vec::new();
    let mut out = Vec::with_capacity(block.len());
    for event in block {
        match event {
            Event::Html(_) => return None,
            Event::InlineHtml(raw) => {
                let tag = SimpleTag::parse(raw)?;
                if tag.closing {
                    if open.pop()? != Some(tag.name) {
                        return None;
                    }
                } else if !tag.void {
                    open.push(Some(tag.name));
                }
                out.push(Event::InlineHtml(tag.html.into()));
                continue;
            }
            Event::Start(_) => open.push(None),
            // An inline tag still open where a Markdown element ends.
            Event::End(_) if open.pop()?.is_some() => return None,
            _ => {}
        }
        out.push(event.clone());
    }
    open.is_empty().then_some(out)
}

struct SimpleTag {
    name: &'static str,
    closing: bool,
    void: bool,
    /// The tag rewritten from what was parsed.
    html: String,
}

impl SimpleTag {
    fn parse(raw: &str) -> Option<SimpleTag> {
        let mut s = raw.strip_prefix('<')?.strip_suffix('>')?;
        let closing = s.starts_with('/');
        s = s.trim_start_matches('/');
        let name_len = s
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(s.len());
        let lower = s[..name_len].to_ascii_lowercase();
        let (name, void) = match lower.as_str() {
            "br" => ("br", true),
            "wbr" => ("wbr", true),
            other => (*SIMPLE_TAGS.iter().find(|t| **t == other)?, false),
        };
        s = &s[name_len..];
        let mut html = format!("<{}{name}", if closing { "/" } else { "" });
        loop {
            let trimmed = s.trim_start();
            if trimmed.is_empty() || (void && trimmed == "/") {
                break;
            }
            if closing || trimmed.len() == s.len() {
                return None;
            }
            let (attr, rest) = trimmed.split_once("=\"")?;
            let (value, rest) = rest.split_once('"')?;
            let attr = attr.to_ascii_lowercase();
            if !matches!(attr.as_str(), "title" | "lang") || value.contains(['<', '>', '&']) {
                return None;
            }
            html.push_str(&format!(" {attr}=\"{value}\""));
            s = rest;
        }
        html.push('>');
        Some(SimpleTag {
            name,
            closing,
            void,
            html,
        })
    }
}

/// Whether an event inside a paragraph shows nothing.
fn is_blank(event: &Event<'_>) -> bool {
    match event {
        Event::Text(t) => t.chars().all(char::is_whitespace),
        Event::SoftBreak | Event::HardBreak => true,
        Event::InlineHtml(h) => {
            let h = h.trim().to_ascii_lowercase();
            matches!(h.as_str(), "<br>" | "<br/>" | "<br />")
                || (h.starts_with("<!--") && h.ends_with("-->"))
        }
        _ => false,
    }
}

/// The text of inline events, as an `alt` attribute holds it.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

pub(super) use crate::text::push_html_escaped as push_escaped;

/// `text` escaped for HTML text or a double-quoted attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}
