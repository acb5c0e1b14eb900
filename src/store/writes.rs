//! The transactions that write items together with their cases, their
//! indexes and change records: all or nothing.

use chrono::{DateTime, Utc};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionalTree};

use super::changes::change;
use super::schema::{self, ChangeKind};
use super::{Result, Store, encode};
use crate::cases::Case;
use crate::item::Item;

impl Store {
    /// Writes an item and, if given, its case, with their indexes and change
    /// records, atomically. Not durable until [`Store::flush`].
    pub fn write(&self, item: &Item, case: Option<&Case>, now: DateTime<Utc>) -> Result<()> {
        let cases = match case {
            Some(c) => std::slice::from_ref(c),
            None => &[],
        };
        self.write_batch(std::slice::from_ref(item), cases, now)
    }

    /// Writes items and cases with their indexes and change records in one
    /// transaction: all or nothing. One transaction per batch instead of per
    /// item is what makes bulk ingest fast. Items are written in order (a
    /// repeated id: the last wins); each case once, as given. Not durable
    /// until [`Store::flush`].
    pub fn write_batch(&self, items: &[Item], cases: &[Case], now: DateTime<Utc>) -> Result<()> {
        let item_values: Vec<Vec<u8>> = items.iter().map(encode).collect();
        let prepared = self.prepare_cases(cases)?;
        // The time-index key each item has now, following repeats in the batch.
        let mut old_item_keys: Vec<Option<Vec<u8>>> = Vec::with_capacity(items.len());
        let mut seen: std::collections::HashMap<&str, Vec<u8>> = Default::default();
        for item in items {
            let old = match seen.get(item.id.as_str()) {
                Some(k) => Some(k.clone()),
                None => self.item_key(&item.id),
            };
            old_item_keys.push(old);
            seen.insert(&item.id, schema::item_time_key(item.ingested_at, &item.id));
        }
        self.transact(&prepared, now, |trees| {
            for ((item, value), old_key) in items.iter().zip(&item_values).zip(&old_item_keys) {
                if let Some(k) = old_key
                    && *k != schema::item_time_key(item.ingested_at, &item.id)
                {
                    trees.remove(k)?;
                }
                trees.put(item, value, None, now)?;
            }
            Ok(())
        })?;
        // After the commit: until then the items are not there to find.
        let mut known = self.known_mut();
        for item in items {
            known.insert(&item.id, schema::time_key(item.ingested_at));
        }
        Ok(())
    }

    /// Moves items between cases (an analyst's merge or split) and writes
    /// the cases involved, in one transaction: each item's case-items key
    /// leaves its old case and joins its new one (`item.case_id`), with
    /// change records for every item and case. Not durable until
    /// [`Store::flush`].
    pub fn regroup(&self, moves: &[(Item, u64)], cases: &[Case], now: DateTime<Utc>) -> Result<()> {
        let item_values: Vec<Vec<u8>> = moves.iter().map(|(i, _)| encode(i)).collect();
        let prepared = self.prepare_cases(cases)?;
        self.transact(&prepared, now, |trees| {
            for ((item, old_case), value) in moves.iter().zip(&item_values) {
                trees.put(item, value, Some(*old_case), now)?;
            }
            Ok(())
        })
    }

    /// Runs `write_items` and writes `prepared` cases in one transaction
    /// over every tree an item or case touches, then refreshes the cases'
    /// rows in the in-memory index.
    fn transact(
        &self,
        prepared: &PreparedCases<'_>,
        now: DateTime<Utc>,
        write_items: impl Fn(
            &ItemTrees<'_>,
        ) -> std::result::Result<(), ConflictableTransactionError<()>>,
    ) -> Result<()> {
        (
            &self.items_by_time,
            &self.item_ids,
            &self.cases,
            &self.cases_by_last_seen,
            &self.case_items,
            &self.changes,
        )
            .transaction(
                |(by_time, item_ids, cases_tree, cases_by_time, case_items, changes)| {
                    write_items(&ItemTrees {
                        by_time,
                        item_ids,
                        case_items,
                        changes,
                    })?;
                    prepared.put(cases_tree, cases_by_time, changes, now)
                },
            )
            .map_err(|e| self.tx_err(e))?;
        let mut index = self.index_mut();
        for c in prepared.cases {
            index.upsert(c);
        }
        Ok(())
    }
}

/// The trees an item is written to, inside a transaction.
struct ItemTrees<'a> {
    by_time: &'a TransactionalTree,
    item_ids: &'a TransactionalTree,
    case_items: &'a TransactionalTree,
    changes: &'a TransactionalTree,
}

impl ItemTrees<'_> {
    /// Removes an item's entries under its old time key (time ++ id).
    fn remove(&self, key: &[u8]) -> std::result::Result<(), ConflictableTransactionError<()>> {
        self.by_time.remove(key)?;
        self.item_ids.remove(key)?;
        Ok(())
    }

    /// Writes an item at its time with its id's entry, its place among its
    /// case's items (leaving `left_case` when it moved) and a change record.
    fn put(
        &self,
        item: &Item,
        value: &[u8],
        left_case: Option<u64>,
        now: DateTime<Utc>,
    ) -> std::result::Result<(), ConflictableTransactionError<()>> {
        let key = schema::item_time_key(item.ingested_at, &item.id);
        self.by_time.insert(key.as_slice(), value)?;
        self.item_ids.insert(key, &[])?;
        if let Some(old) = left_case {
            self.case_items
                .remove(schema::case_item_key(old, item.ingested_at, &item.id))?;
        }
        if let Some(case_id) = item.case_id {
            self.case_items.insert(
                schema::case_item_key(case_id, item.ingested_at, &item.id),
                &[],
            )?;
        }
        // Sequence numbers start at 1 so that `after=0` means "from the start".
        let seq = self.changes.generate_id()? + 1;
        self.changes.insert(
            &seq.to_be_bytes(),
            change(seq, now, ChangeKind::Item, &item.id),
        )?;
        Ok(())
    }
}

/// Cases encoded, with the time-index keys they have in the store now, read
/// before the transaction that rewrites them.
pub(super) struct PreparedCases<'a> {
    cases: &'a [Case],
    values: Vec<Vec<u8>>,
    old_keys: Vec<Option<Vec<u8>>>,
}

impl Store {
    /// Encodes `cases` and reads their current time-index keys (`None` for a
    /// new case).
    pub(super) fn prepare_cases<'a>(&self, cases: &'a [Case]) -> Result<PreparedCases<'a>> {
        let old_keys = cases
            .iter()
            .map(|c| {
                Ok(self
                    .case(c.id)?
                    .map(|old| schema::case_time_key(old.last_seen, old.id)))
            })
            .collect::<Result<_>>()?;
        Ok(PreparedCases {
            cases,
            values: cases.iter().map(encode).collect(),
            old_keys,
        })
    }
}

impl PreparedCases<'_> {
    /// Writes every case inside a transaction.
    pub(super) fn put(
        &self,
        cases: &TransactionalTree,
        by_time: &TransactionalTree,
        changes: &TransactionalTree,
        now: DateTime<Utc>,
    ) -> std::result::Result<(), ConflictableTransactionError<()>> {
        for ((c, v), old_key) in self.cases.iter().zip(&self.values).zip(&self.old_keys) {
            put_case(cases, by_time, changes, c, v, old_key.as_deref(), now)?;
        }
        Ok(())
    }
}

/// Writes a case, moves its time-index entry and records the change, inside
/// a transaction.
fn put_case(
    cases: &TransactionalTree,
    by_time: &TransactionalTree,
    changes: &TransactionalTree,
    case: &Case,
    value: &[u8],
    old_time_key: Option<&[u8]>,
    now: DateTime<Utc>,
) -> std::result::Result<(), ConflictableTransactionError<()>> {
    cases.insert(&schema::case_key(case.id), value)?;
    if let Some(k) = old_time_key {
        by_time.remove(k)?;
    }
    by_time.insert(schema::case_time_key(case.last_seen, case.id), &[])?;
    // Sequence numbers start at 1 so that `after=0` means "from the start".
    let seq = changes.generate_id()? + 1;
    changes.insert(
        &seq.to_be_bytes(),
        change(seq, now, ChangeKind::Case, &case.id.to_string()),
    )?;
    Ok(())
}
