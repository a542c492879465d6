//! Image sources: which are safe, and how local files are embedded or listed
//! for copying.

use std::path::{Path, PathBuf};

use super::{Error, Images, Options};

/// A local image the caller copies next to the exported HTML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// The file as found on disk.
    pub source: PathBuf,
    /// Where it goes, relative to the HTML file's directory (`images/NAME`);
    /// the HTML refers to it by this path.
    pub target: String,
}

/// The `src` to write for an image written as `src`, or `None` when the
/// source is unsafe (a `javascript:` URL, a `data:` URL that is not an image,
/// a `file:` URL) and the image is dropped.
pub(super) fn resolve(
    src: &str,
    opts: &Options,
    assets: &mut Vec<Asset>,
) -> Result<Option<String>, Error> {
    let src = src.trim();
    if src.is_empty() {
        return Ok(None);
    }
    match super::sanitize::scheme(src) {
        Some(scheme) if scheme == "http" || scheme == "https" => return Ok(Some(src.to_string())),
        Some(scheme) if scheme == "data" => {
            let ok = super::sanitize::is_image_data_url(src);
            return Ok(ok.then(|| src.to_string()));
        }
        Some(_) => return Ok(None),
        None if src.starts_with("//") => return Ok(Some(src.to_string())),
        None => {}
    }
    if opts.images == Images::Link {
        return Ok(Some(src.to_string()));
    }
    let path = local_path(src, opts.base_dir.as_deref());
    let bytes = std::fs::read(&path).map_err(|source| Error::Image {
        src: src.to_string(),
        path: path.clone(),
        source,
    })?;
    let Some(mime) = mime_type(&path, &bytes) else {
        return Err(Error::NotAnImage {
            src: src.to_string(),
            path,
        });
    };
    match opts.images {
        Images::Embed => {
            let mut url = format!("data:{mime};base64,");
            base64(&bytes, &mut url);
            Ok(Some(url))
        }
        _ => {
            if let Some(asset) = assets.iter().find(|a| a.source == path) {
                return Ok(Some(asset.target.clone()));
            }
            let target = unique_target(&path, assets);
            assets.push(Asset {
                source: path,
                target: target.clone(),
            });
            Ok(Some(target))
        }
    }
}

/// Whether a written `src` points off this machine (for Open Graph).
pub(super) fn is_remote(src: &str) -> bool {
    matches!(
        super::sanitize::scheme(src).as_deref(),
        Some("http" | "https")
    )
}

/// The file a relative or absolute image path names, without any query or
/// fragment, percent-escapes decoded.
fn local_path(src: &str, base: Option<&Path>) -> PathBuf {
    let end = src.find(['?', '#']).unwrap_or(src.len());
    let decoded = percent_decode(&src[..end]);
    let path = Path::new(&decoded);
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path.to_path_buf(),
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// `images/NAME`, with `-2`, `-3`... added when another image took the name.
fn unique_target(path: &Path, assets: &[Asset]) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "image".into());
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let clean = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '-'
                }
            })
            .collect()
    };
    let (stem, ext) = (clean(&stem), clean(&ext));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("images/{stem}{ext}")
        } else {
            format!("images/{stem}-{n}{ext}")
        };
        if !assets.iter().any(|a| a.target == name) {
            return name;
        }
        n += 1;
    }
}

/// The image's MIME type, from its first bytes, else its extension for SVG.
fn mime_type(path: &Path, bytes: &[u8]) -> Option<&'static str> {
    let magic: &[(&[u8], usize, &str)] = &[
        (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
        (b"\xff\xd8\xff", 0, "image/jpeg"),
        (b"GIF87a", 0, "image/gif"),
        (b"GIF89a", 0, "image/gif"),
        (b"WEBP", 8, "image/webp"),
        (b"ftypavif", 4, "image/avif"),
    ];
    for &(sig, at, mime) in magic {
        if bytes.len() >= at + sig.len() && &bytes[at..at + sig.len()] == sig {
            return Some(mime);
        }
    }
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    (ext == "svg").then_some("image/svg+xml")
}

/// Appends standard base64 (with padding) of `bytes` to `out`.
pub(super) fn base64(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        for (input, expect) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64(input.as_bytes(), &mut out);
            assert_eq!(out, expect, "base64 of {input:?}");
        }
    }

    #[test]
    fn percent_escapes_in_paths_are_decoded() {
        assert_eq!(percent_decode("my%20photo.png"), "my photo.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("a%zzb"), "a%zzb");
        assert_eq!(percent_decode("%é"), "%é");
    }

    #[test]
    fn copied_names_do_not_collide() {
        let taken = vec![Asset {
            source: "a/pic.png".into(),
            target: "images/pic.png".into(),
        }];
        assert_eq!(
            unique_target(Path::new("b/pic.png"), &taken),
            "images/pic-2.png"
        );
        assert_eq!(
            unique_target(Path::new("b/my pic.png"), &taken),
            "images/my-pic.png"
        );
    }
}
