//! Text stage: HTML to text, normalization for matching, word segmentation
//! and number extraction.
//!
//! Everything downstream (keyword matching, severity, clustering) works on
//! the normalized copy that [`Normalizer::normalize`] produces; the original
//! text is kept for display.

pub mod html;
pub mod normalize;
pub mod numbers;
pub mod segment;

pub use html::{html_to_text, looks_like_html};
pub use normalize::{NormalizeError, Normalizer};
pub use numbers::{Number, find_numbers, parse_number};
pub use segment::{SegmentError, Segmenter};
