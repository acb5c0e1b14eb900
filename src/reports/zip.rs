//! The smallest ZIP writer a .docx needs: deflated entries, UTF-8 names, no
//! ZIP64 (a report is far below 4 GiB). Built on flate2 and crc32fast,
//! which the tree already has (tower-http's compression and sled), so the
//! reports add no crate to a cold build.

use std::io::Write;

use flate2::Compression;
use flate2::write::DeflateEncoder;

/// An archive being written in memory.
#[derive(Debug, Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    /// MS-DOS time and date of every entry.
    dos_time: (u16, u16),
}

/// General purpose flag bit 11: the name is UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// Compression method 8: deflate.
const DEFLATE: u16 = 8;
/// Version 2.0: deflate, the version every reader supports.
const VERSION: u16 = 20;

impl ZipWriter {
    /// An empty archive whose entries are dated `t` (local time of the
    /// office, as ZIP has no zones).
    pub fn new(t: chrono::NaiveDateTime) -> Self {
        use chrono::{Datelike, Timelike};
        let year = u16::try_from(t.year().clamp(1980, 2107) - 1980).unwrap_or(0);
        let date = (year << 9) | ((t.month() as u16) << 5) | t.day() as u16;
        let time = ((t.hour() as u16) << 11) | ((t.minute() as u16) << 5) | (t.second() as u16 / 2);
        ZipWriter {
            dos_time: (time, date),
            ..Default::default()
        }
    }

    /// Adds a file.
    pub fn add(&mut self, name: &str, data: &[u8]) -> std::io::Result<()> {
        let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data)?;
        let packed = enc.finish()?;
        let crc = crc32fast::hash(data);
        let too_big = || std::io::Error::other("a report part is over 4 GiB");
        let offset = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let packed_len = u32::try_from(packed.len()).map_err(|_| too_big())?;
        let len = u32::try_from(data.len()).map_err(|_| too_big())?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        let (time, date) = self.dos_time;

        let out = &mut self.out;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [VERSION, UTF8_NAMES, DEFLATE, time, date] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, packed_len, len] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [VERSION, VERSION, UTF8_NAMES, DEFLATE, time, date] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, packed_len, len] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        // Name length, extra, comment, disk number, internal attributes.
        for v in [name_len, 0, 0, 0, 0] {
            c.extend_from_slice(&v.to_le_bytes());
        }
        // External attributes, then where the local header is.
        c.extend_from_slice(&0u32.to_le_bytes());
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        self.entries += 1;
        Ok(())
    }

    /// The finished archive.
    pub fn finish(mut self) -> std::io::Result<Vec<u8>> {
        let too_big = || std::io::Error::other("the report is over 4 GiB");
        let at = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        for v in [0u16, 0, self.entries, self.entries] {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&at.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        Ok(self.out)
    }
}
