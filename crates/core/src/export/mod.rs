//! HTML export: a pulldown-cmark event pipeline from a draft's Markdown to a
//! clean CMS fragment or a standalone article page.
//!
//! The body goes through [`pipeline`], which adapts the parser's events
//! (figures, footnotes, table cells, safe URLs, sanitised raw HTML, no empty
//! paragraphs) before `pulldown_cmark::html::push_html` writes them. The
//! standalone page wraps that fragment in [`page`], with the metadata escaped
//! everywhere it appears.
//!
//! Images: a paragraph holding only an image becomes a `<figure>`. Its caption
//! is the italic line written directly under the image (same paragraph), else
//! the image's title. Local images are embedded as `data:` URIs, listed for the
//! caller to copy next to the page, or left as written, by [`Images`].

mod dateline;
mod images;
mod page;
mod pipeline;
mod sanitize;

use std::path::PathBuf;

use crate::model::Draft;

pub use dateline::{from_unix_millis, parse_dateline, Date};
pub use images::Asset;

/// Which HTML to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Clean semantic HTML to paste into a CMS.
    Fragment,
    /// A complete HTML5 page.
    #[default]
    Standalone,
}

/// What to do with images whose source is a local file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Images {
    /// Leave every `src` as written; no file is read.
    #[default]
    Link,
    /// Read each local image and inline it as a `data:` URI.
    Embed,
    /// Point each local image at `images/NAME` and list it in
    /// [`Export::assets`] for the caller to copy next to the HTML file.
    Copy,
}

/// How to export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub mode: Mode,
    pub images: Images,
    /// The directory relative image paths resolve against (the Markdown file's
    /// directory); `None` means the current directory.
    pub base_dir: Option<PathBuf>,
    /// The page's language tag; `None` means `en`.
    pub lang: Option<String>,
}

/// An exported piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub html: String,
    /// Local images to copy next to the HTML file (only with [`Images::Copy`]).
    pub assets: Vec<Asset>,
    /// Words in the exported body text, as `model::word_count` counts them.
    pub word_count: u32,
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("image `{src}` cannot be read from {path}: {source}")]
    Image {
        /// The `src` as written in the Markdown.
        src: String,
        /// Where it was looked for.
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("image `{src}` at {path} is not a PNG, JPEG, GIF, WebP, AVIF or SVG image")]
    NotAnImage { src: String, path: PathBuf },
}

/// Exports `draft` as HTML.
///
/// Fails only when an image has to be read (`Images::Embed` or
/// `Images::Copy`) and cannot be.
pub fn export(draft: &Draft, opts: &Options) -> Result<Export, Error> {
    let body = pipeline::render(&draft.body, opts)?;
    let html = match opts.mode {
        Mode::Fragment => body.html,
        Mode::Standalone => page::standalone(draft, &body, opts.lang.as_deref().unwrap_or("en")),
    };
    Ok(Export {
        html,
        assets: body.assets,
        word_count: body.word_count,
    })
}

/// Renders `draft` as HTML with images left as written: the call for a
/// clipboard copy, which never reads a file and so cannot fail.
pub fn to_html(draft: &Draft, mode: Mode) -> String {
    let opts = Options {
        mode,
        ..Options::default()
    };
    match export(draft, &opts) {
        Ok(export) => export.html,
        // `Images::Link` reads no file, so `export` has nothing to fail on.
        Err(err) => unreachable!("export without image files failed: {err}"),
    }
}

/// A Markdown file read for export: its metadata and body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownFile {
    pub headline: Option<String>,
    pub dek: String,
    pub byline: String,
    pub dateline: String,
    pub body: String,
}

/// Reads a Markdown file's metadata: an optional front matter block between
/// `---` lines (`headline`/`title`, `dek`/`description`, `byline`/`author`,
/// `dateline`/`date`; other keys are ignored), and the headline from the first
/// level-one `#` heading when the front matter names none (that heading then
/// leaves the body).
pub fn read_markdown(text: &str) -> MarkdownFile {
    let mut file = MarkdownFile::default();
    let mut body = text;
    if let Some((header, rest)) = front_matter(text) {
        body = rest;
        for line in header.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = unquote(value.trim()).to_string();
            match key.trim().to_ascii_lowercase().as_str() {
                "headline" | "title" => file.headline = Some(value).filter(|v| !v.is_empty()),
                "dek" | "description" | "subtitle" => file.dek = value,
                "byline" | "author" => file.byline = value,
                "dateline" | "date" => file.dateline = value,
                _ => {}
            }
        }
    }
    if file.headline.is_some() {
        file.body = body.to_string();
    } else {
        (file.headline, file.body) = split_headline(body);
    }
    file
}

/// The front matter and the rest, if `text` opens with a closed `---` block.
fn front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((&rest[..at], &rest[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// Splits a plain Markdown file into its headline (the text of the first
/// level-one `#` heading) and the body without that heading.
pub fn split_headline(markdown: &str) -> (Option<String>, String) {
    pipeline::split_headline(markdown)
}
