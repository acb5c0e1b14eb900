//! Export and import as JSON Lines, one record a line in its `Stored`
//! envelope.

use std::io::{BufRead, Write};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::schema::{self, Stored};
use super::{Result, Store, StoreError, stored};
use crate::cases::Case;
use crate::item::Item;

impl Store {
    /// Writes items and/or cases as JSON Lines (`{"type":"item",…}`).
    /// Items are those ingested at or after `since`; cases those seen since.
    pub fn export(
        &self,
        out: &mut impl Write,
        since: DateTime<Utc>,
        what: ExportWhat,
    ) -> Result<usize> {
        let mut n = 0;
        if what != ExportWhat::Items {
            for c in self.cases() {
                let c = c?;
                if c.last_seen >= since {
                    write_line(out, &ExportLine::Case(stored(c)))?;
                    n += 1;
                }
            }
        }
        if what != ExportWhat::Cases {
            for item in self.items_since(since) {
                write_line(out, &ExportLine::Item(stored(item?)))?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Reads an export stream back; records replace those with the same id.
    /// Flushes at the end. Returns the number of records written.
    pub fn import(&self, input: impl BufRead, now: DateTime<Utc>) -> Result<usize> {
        let mut n = 0;
        for (i, line) in input.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let parsed: ExportLine =
                serde_json::from_str(&line).map_err(|e| StoreError::Import {
                    line: i + 1,
                    message: e.to_string(),
                })?;
            match parsed {
                ExportLine::Item(s) => {
                    check_schema(s.schema, i + 1)?;
                    self.write(&s.value, None, now)?;
                }
                ExportLine::Case(s) => {
                    check_schema(s.schema, i + 1)?;
                    self.case_id_at_least(s.value.id)?;
                    self.write_case(&s.value, now)?;
                }
            }
            n += 1;
        }
        self.flush()?;
        Ok(n)
    }
}

/// Which records `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// Items and cases.
    All,
    /// Items only.
    Items,
    /// Cases only.
    Cases,
}

/// One line of an export file.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum ExportLine {
    Item(Stored<Item>),
    Case(Stored<Case>),
}

fn check_schema(found: u32, line: usize) -> Result<()> {
    if found > schema::SCHEMA_VERSION {
        return Err(StoreError::Import {
            line,
            message: format!(
                "record has schema version {found}, newer than this yuqing ({})",
                schema::SCHEMA_VERSION
            ),
        });
    }
    Ok(())
}

fn write_line<T: Serialize>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}
