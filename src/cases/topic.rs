//! What a report is about in its own words: the content words of its text
//! weighed by how much each tells ([`crate::text::segment::word_weight`])
//! and how often the text uses it, as a vector of unit length. Two reports
//! of one happening share its particular words (推搡, 七旬老人, 协管员, a
//! shop's name) even when neither a place finer than the county nor an
//! event kind is read from them; two look-alikes share only the words of
//! their kind.

/// Most words a topic keeps: the heaviest, which carry nearly all of the
/// similarity between two reports, and bound what a case stores per member.
pub const MAX_TOPIC_WORDS: usize = 24;

/// The topic of a text segmented into `words` whose places
/// ([`super::EventTraits::places`], `level:stem`) are `places`: each word
/// of two characters or more holding a hanzi, weighed `(1 + ln n) ×
/// weight(word)` for `n` uses, the heaviest [`MAX_TOPIC_WORDS`] kept,
/// scaled to unit length and sorted by word. The places' names are left
/// out: grouping compares where apart from what, and a county's name is in
/// every report of the county. Weights are rounded to three decimals, so
/// that a topic read back from the store is the one written.
pub fn topic_of(
    words: &[&str],
    places: &[String],
    weight: impl Fn(&str) -> f32,
) -> Vec<(String, f32)> {
    let stems: Vec<&str> = places
        .iter()
        .map(|p| p.split_once(':').map_or(p.as_str(), |(_, s)| s))
        .filter(|s| s.chars().nth(1).is_some())
        .collect();
    let mut counts: rustc_hash::FxHashMap<&str, u32> = Default::default();
    for &w in words {
        if w.chars().nth(1).is_none() || !w.chars().any(crate::text::is_han) {
            continue;
        }
        if stems.iter().any(|s| w.starts_with(s) || s.starts_with(w)) {
            continue;
        }
        *counts.entry(w).or_insert(0) += 1;
    }
    let mut weighed: Vec<(&str, f32)> = counts
        .into_iter()
        .map(|(w, n)| (w, (1.0 + (n as f32).ln()) * weight(w)))
        .filter(|(_, x)| *x > 0.0)
        .collect();
    weighed.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    weighed.truncate(MAX_TOPIC_WORDS);
    unit(
        weighed
            .into_iter()
            .map(|(w, x)| (w.to_string(), x))
            .collect(),
    )
}

/// The topic of a case that held `weight` items of topic `case` and takes
/// in one of topic `item`: their weighted sum, the heaviest
/// [`MAX_TOPIC_WORDS`] words, at unit length. A case drifts with its
/// reports slowly, so that one report's side remark does not draw the
/// next happening in.
pub fn blend(case: &[(String, f32)], weight: f32, item: &[(String, f32)]) -> Vec<(String, f32)> {
    if case.is_empty() {
        return item.to_vec();
    }
    let mut sum: Vec<(String, f32)> = case.iter().map(|(w, x)| (w.clone(), x * weight)).collect();
    for (w, x) in item {
        match sum.binary_search_by(|(s, _)| s.as_str().cmp(w)) {
            Ok(i) => sum[i].1 += x,
            Err(i) => sum.insert(i, (w.clone(), *x)),
        }
    }
    let mut by_weight: Vec<(String, f32)> = sum;
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    by_weight.truncate(MAX_TOPIC_WORDS);
    unit(by_weight)
}

/// `weighed` scaled to unit length, rounded, sorted by word.
fn unit(weighed: Vec<(String, f32)>) -> Vec<(String, f32)> {
    let norm = weighed.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm == 0.0 {
        return Vec::new();
    }
    let mut topic: Vec<(String, f32)> = weighed
        .into_iter()
        .map(|(w, x)| (w, (x / norm * 1000.0).round() / 1000.0))
        .collect();
    topic.sort_by(|a, b| a.0.cmp(&b.0));
    topic
}

/// Similarity of two topics (both of unit length) with each shared word's
/// part scaled by `scale(word)` twice, once for each side: their cosine
/// when every scale is 1, less where the words they share are discounted.
/// The topics are not rescaled after the discount: two long reports that
/// share mostly boilerplate are not made alike by what little is left.
/// How [`crate::cases::ClusterIndex`] discounts the words many open reports
/// share (a channel's boilerplate: 交办单, 留言板) before comparing.
pub fn scaled_cosine(a: &[(String, f32)], b: &[(String, f32)], scale: impl Fn(&str) -> f32) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1 * scale(&a[i].0).powi(2);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Segmenter;
    use crate::text::segment::word_weight;

    fn cosine(a: &[(String, f32)], b: &[(String, f32)]) -> f32 {
        scaled_cosine(a, b, |_| 1.0)
    }

    fn topic(text: &str) -> Vec<(String, f32)> {
        let segmenter = Segmenter::new().unwrap();
        let places = crate::cases::read_event(text, &[]).places;
        topic_of(&segmenter.words(text), &places, word_weight)
    }

    #[test]
    fn reports_of_one_happening_share_its_particular_words() {
        let post = topic(
            "城东农贸市场门口，城管协管员把卖菜的七旬老人推倒在地，脸都擦破了，菜筐也被踢翻。",
        );
        let notice = topic(
            "关于城东农贸市场协管员推搡老人一事的情况通报：协管员王某踢翻摊贩菜筐并推搡七旬老人致其面部擦伤，已予辞退。",
        );
        let other =
            topic("县城一小区地下车库昨晚起火，烧毁电动车三辆，无人员伤亡，起火原因正在调查。");
        let same = cosine(&post, &notice);
        assert!(same > 0.3, "one happening read {same}");
        assert!(cosine(&post, &other) < 0.05);
        assert!((cosine(&notice, &notice) - 1.0).abs() < 0.01);
    }

    #[test]
    fn words_every_report_uses_weigh_nothing() {
        // 我们 and 问题 are among the dictionary's most frequent words.
        assert_eq!(word_weight("我们"), 0.0);
        assert!(word_weight("推搡") > word_weight("通报"));
        assert!(word_weight("悦动健身") >= word_weight("推搡"));
        let t = topic("我们的问题");
        assert!(t.iter().all(|(w, _)| w != "我们" && w != "问题"), "{t:?}");
    }

    #[test]
    fn a_topic_is_sorted_bounded_and_of_unit_length() {
        let t = topic(
            "暴雨致山洪，冲毁河堤、桥梁、公路、农田、果园、鱼塘、猪圈、牛棚、羊圈、鸡舍、仓库、厂房、学校、卫生院、村委会、供销社、粮站、水库、电站、铁路、码头、车站、机场、港口。",
        );
        assert!(t.len() <= MAX_TOPIC_WORDS);
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        let norm: f32 = t.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 0.01, "{norm}");
        assert!(topic("。，！").is_empty());
    }
}
