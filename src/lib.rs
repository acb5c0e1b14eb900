//! yuqing (舆情): a daemon that watches Chinese government portals, forums
//! and Weibo/WeChat feeds for public opinion a government office must answer
//! (国办发〔2016〕61号), and hands analysts candidate cases with a severity
//! guess and a response deadline.
//!
//! # Layout
//!
//! Data flows one way through modules named for their stage:
//!
//! - [`text`]: HTML to text, normalization (width, case, Traditional →
//!   Simplified), jieba segmentation, Chinese number extraction.
//! - [`classify`]: keyword lists (rules), the token-aligned matcher, the
//!   severity guess, and the [`classify::Classifier`] that ties them together.
#![warn(missing_docs)]

pub mod cases;
pub mod classify;
pub mod item;
pub mod pipeline;
pub mod store;
pub mod text;
