//! A QR code encoder (ISO/IEC 18004, model 2), byte mode only, in pure Rust: the kiosk shows share
//! links and external links as QR codes generated on the device, with no network.
//!
//! It picks the smallest version (1–40) that holds the data at the requested error-correction level,
//! adds Reed–Solomon error correction, draws the function patterns and chooses the mask with the
//! lowest penalty score. The result is a square matrix of modules (`true` = dark). Nothing here can
//! panic: every grid access is bounds-checked and out-of-range cells read as light.

use std::fmt;

/// How much of the symbol may be damaged and still decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EcLevel {
    /// About 7 % of codewords can be restored.
    L,
    /// About 15 %: the default for codes shown on screens.
    M,
    /// About 25 %.
    Q,
    /// About 30 %.
    H,
}

impl EcLevel {
    /// Row in the capacity tables.
    fn index(self) -> usize {
        match self {
            EcLevel::L => 0,
            EcLevel::M => 1,
            EcLevel::Q => 2,
            EcLevel::H => 3,
        }
    }

    /// The two format bits of the level (not in L, M, Q, H order: the standard's own coding).
    fn format_bits(self) -> u32 {
        match self {
            EcLevel::L => 1,
            EcLevel::M => 0,
            EcLevel::Q => 3,
            EcLevel::H => 2,
        }
    }
}

/// Smallest and largest symbol versions.
pub const MIN_VERSION: u8 = 1;
/// Version 40 is 177×177 modules.
pub const MAX_VERSION: u8 = 40;

/// Why a code could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The data does not fit in the largest allowed version at this level.
    TooLong {
        /// Bytes given.
        bytes: usize,
        /// Most bytes that fit.
        max: usize,
    },
    /// The version range or mask asked for is not valid.
    BadOptions,
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes, max } => {
                write!(f, "{bytes} bytes do not fit in a QR code (at most {max})")
            }
            QrError::BadOptions => write!(f, "invalid QR code options"),
        }
    }
}

/// Options for [`QrCode::encode_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QrOptions {
    pub ec_level: EcLevel,
    /// Smallest version to use (1–40).
    pub min_version: u8,
    /// Largest version to use (1–40).
    pub max_version: u8,
    /// A fixed mask pattern 0–7, or `None` to choose the best.
    pub mask: Option<u8>,
}

impl Default for QrOptions {
    fn default() -> Self {
        QrOptions {
            ec_level: EcLevel::M,
            min_version: MIN_VERSION,
            max_version: MAX_VERSION,
            mask: None,
        }
    }
}

/// A finished QR symbol: a square of dark and light modules, without the quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    version: u8,
    size: usize,
    ec_level: EcLevel,
    mask: u8,
    modules: Vec<bool>,
}

/// Error-correction codewords per block, by level (L, M, Q, H) and version (index 0 unused).
const ECC_CODEWORDS_PER_BLOCK: [[u8; 41]; 4] = [
    [
        0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28,
        30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
    [
        0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30,
        30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24,
        30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
];

/// Error-correction blocks, by level (L, M, Q, H) and version (index 0 unused).
const NUM_ERROR_CORRECTION_BLOCKS: [[u8; 41]; 4] = [
    [
        0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13,
        14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21,
        23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
    [
        0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29,
        34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ],
    [
        0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32,
        35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
    ],
];

// Penalty weights of the mask evaluation (ISO/IEC 18004 §7.8.3).
const PENALTY_N1: i64 = 3;
const PENALTY_N2: i64 = 3;
const PENALTY_N3: i64 = 40;
const PENALTY_N4: i64 = 10;

impl QrCode {
    /// Encodes `text` as UTF-8 bytes at error-correction level M, in the smallest version that fits.
    pub fn encode_text(text: &str) -> Result<QrCode, QrError> {
        QrCode::encode_with(text.as_bytes(), QrOptions::default())
    }

    /// Encodes `data` in byte mode with the given options.
    pub fn encode_with(data: &[u8], options: QrOptions) -> Result<QrCode, QrError> {
        let QrOptions {
            ec_level,
            min_version,
            max_version,
            mask,
        } = options;
        if !(MIN_VERSION..=MAX_VERSION).contains(&min_version)
            || !(min_version..=MAX_VERSION).contains(&max_version)
            || mask.is_some_and(|m| m > 7)
        {
            return Err(QrError::BadOptions);
        }
        let version = (min_version..=max_version)
            .find(|&v| data.len() <= byte_capacity(v, ec_level))
            .ok_or(QrError::TooLong {
                bytes: data.len(),
                max: byte_capacity(max_version, ec_level),
            })?;
        let codewords =
            add_error_correction(&data_codewords(data, version, ec_level), version, ec_level);
        let mut grid = Grid::new(version);
        grid.draw_function_patterns();
        grid.draw_codewords(&codewords);
        let mask = match mask {
            Some(m) => m,
            None => {
                // Try every mask and keep the one with the lowest penalty (first wins a tie).
                let mut best = (i64::MAX, 0u8);
                for m in 0..8u8 {
                    grid.apply_mask(m);
                    grid.draw_format_bits(ec_level, m);
                    let penalty = grid.penalty_score();
                    if penalty < best.0 {
                        best = (penalty, m);
                    }
                    grid.apply_mask(m); // XOR again undoes it
                }
                best.1
            }
        };
        grid.apply_mask(mask);
        grid.draw_format_bits(ec_level, mask);
        Ok(QrCode {
            version,
            size: grid.size,
            ec_level,
            mask,
            modules: grid.modules,
        })
    }

    /// The version, 1–40.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// Modules per side (17 + 4 × version), without the quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The error-correction level used.
    pub fn ec_level(&self) -> EcLevel {
        self.ec_level
    }

    /// The mask pattern used, 0–7.
    pub fn mask(&self) -> u8 {
        self.mask
    }

    /// True when the module at column `x`, row `y` is dark; outside the symbol, false (light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size
            && y < self.size
            && self
                .modules
                .get(y * self.size + x)
                .copied()
                .unwrap_or(false)
    }

    /// An SVG path (`d` attribute) drawing every dark module as a unit square, offset by `quiet`
    /// modules of quiet zone; pair it with `viewBox="0 0 {size + 2·quiet} {size + 2·quiet}"`.
    /// Horizontal runs are merged to keep the path short.
    pub fn svg_path(&self, quiet: usize) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.is_dark(x, y) {
                    let start = x;
                    while x < self.size && self.is_dark(x, y) {
                        x += 1;
                    }
                    d.push_str(&format!(
                        "M{} {}h{}v1h-{}z",
                        start + quiet,
                        y + quiet,
                        x - start,
                        x - start
                    ));
                } else {
                    x += 1;
                }
            }
        }
        d
    }
}

/// Most bytes that fit in `version` at `ec_level` (0 for an unknown version).
pub fn byte_capacity(version: u8, ec_level: EcLevel) -> usize {
    if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
        return 0;
    }
    let bits = data_codeword_count(version, ec_level) * 8;
    let header = 4 + char_count_bits(version);
    bits.saturating_sub(header) / 8
}

/// Bits of the byte-mode character count field.
fn char_count_bits(version: u8) -> usize {
    if version <= 9 {
        8
    } else {
        16
    }
}

/// Modules left for data and error correction once the function patterns are drawn.
fn raw_data_modules(version: u8) -> usize {
    let v = usize::from(version);
    let mut result = (16 * v + 128) * v + 64;
    if v >= 2 {
        let alignments = v / 7 + 2;
        result -= (25 * alignments - 10) * alignments - 55;
        if v >= 7 {
            result -= 36;
        }
    }
    result
}

fn table(t: &[[u8; 41]; 4], version: u8, ec_level: EcLevel) -> usize {
    t.get(ec_level.index())
        .and_then(|row| row.get(usize::from(version)))
        .map_or(0, |&n| usize::from(n))
}

/// Data codewords (not counting error correction) in `version` at `ec_level`.
fn data_codeword_count(version: u8, ec_level: EcLevel) -> usize {
    let ecc = table(&ECC_CODEWORDS_PER_BLOCK, version, ec_level)
        * table(&NUM_ERROR_CORRECTION_BLOCKS, version, ec_level);
    (raw_data_modules(version) / 8).saturating_sub(ecc)
}

/// Mode indicator, count, data, terminator and pad bytes, as codewords.
fn data_codewords(data: &[u8], version: u8, ec_level: EcLevel) -> Vec<u8> {
    let capacity_bits = data_codeword_count(version, ec_level) * 8;
    let mut bits = BitBuffer::default();
    bits.push(0b0100, 4); // byte mode
    bits.push(data.len() as u32, char_count_bits(version));
    for &b in data {
        bits.push(u32::from(b), 8);
    }
    let terminator = capacity_bits.saturating_sub(bits.len).min(4);
    bits.push(0, terminator);
    let to_byte = (8 - bits.len % 8) % 8;
    bits.push(0, to_byte);
    let mut out = bits.bytes;
    let mut pad = [0xEC_u8, 0x11].into_iter().cycle();
    while out.len() * 8 < capacity_bits {
        out.push(pad.next().unwrap_or(0xEC));
    }
    out
}

/// Appends bits most-significant first.
#[derive(Default)]
struct BitBuffer {
    bytes: Vec<u8>,
    len: usize,
}

impl BitBuffer {
    fn push(&mut self, value: u32, count: usize) {
        for i in (0..count.min(32)).rev() {
            let bit = (value >> i) & 1 == 1;
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if bit {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.len % 8);
                }
            }
            self.len += 1;
        }
    }
}

/// Splits the data into blocks, adds Reed–Solomon codewords to each, and interleaves them.
fn add_error_correction(data: &[u8], version: u8, ec_level: EcLevel) -> Vec<u8> {
    let num_blocks = table(&NUM_ERROR_CORRECTION_BLOCKS, version, ec_level).max(1);
    let ecc_len = table(&ECC_CODEWORDS_PER_BLOCK, version, ec_level);
    let raw_codewords = raw_data_modules(version) / 8;
    let short_blocks = num_blocks - raw_codewords % num_blocks;
    let short_len = raw_codewords / num_blocks;
    let divisor = rs_divisor(ecc_len);

    let mut blocks: Vec<(Vec<u8>, Vec<u8>)> = Vec::with_capacity(num_blocks);
    let mut rest = data;
    for i in 0..num_blocks {
        let data_len = short_len.saturating_sub(ecc_len) + usize::from(i >= short_blocks);
        let (block, tail) = rest.split_at(data_len.min(rest.len()));
        rest = tail;
        blocks.push((block.to_vec(), rs_remainder(block, &divisor)));
    }
    let mut out = Vec::with_capacity(raw_codewords);
    let longest = blocks.iter().map(|(d, _)| d.len()).max().unwrap_or(0);
    for i in 0..longest {
        out.extend(blocks.iter().filter_map(|(d, _)| d.get(i)));
    }
    for i in 0..ecc_len {
        out.extend(blocks.iter().filter_map(|(_, e)| e.get(i)));
    }
    out
}

/// Multiplies in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z: u16 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= u16::from((y >> i) & 1) * u16::from(x);
    }
    (z & 0xFF) as u8
}

/// The generator polynomial of the given degree, highest coefficient (always 1) dropped.
fn rs_divisor(degree: usize) -> Vec<u8> {
    let mut result = vec![0u8; degree];
    if let Some(last) = result.last_mut() {
        *last = 1;
    }
    let mut root: u8 = 1;
    for _ in 0..degree {
        for j in 0..degree {
            let next = result.get(j + 1).copied().unwrap_or(0);
            if let Some(r) = result.get_mut(j) {
                *r = gf_mul(*r, root) ^ next;
            }
        }
        root = gf_mul(root, 0x02);
    }
    result
}

/// The Reed–Solomon error-correction codewords of `data`.
fn rs_remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut result = vec![0u8; divisor.len()];
    for &b in data {
        let factor = b ^ result.first().copied().unwrap_or(0);
        if !result.is_empty() {
            result.remove(0);
            result.push(0);
        }
        for (r, &d) in result.iter_mut().zip(divisor) {
            *r ^= gf_mul(d, factor);
        }
    }
    result
}

/// The symbol under construction: modules and which of them belong to function patterns.
struct Grid {
    version: u8,
    size: usize,
    modules: Vec<bool>,
    is_function: Vec<bool>,
}

impl Grid {
    fn new(version: u8) -> Grid {
        let size = usize::from(version) * 4 + 17;
        Grid {
            version,
            size,
            modules: vec![false; size * size],
            is_function: vec![false; size * size],
        }
    }

    fn get(&self, x: usize, y: usize) -> bool {
        x < self.size
            && y < self.size
            && self
                .modules
                .get(y * self.size + x)
                .copied()
                .unwrap_or(false)
    }

    fn is_function(&self, x: usize, y: usize) -> bool {
        x < self.size
            && y < self.size
            && self
                .is_function
                .get(y * self.size + x)
                .copied()
                .unwrap_or(false)
    }

    /// Sets a function module (signed coordinates so patterns may run off the edge harmlessly).
    fn set_function(&mut self, x: i64, y: i64, dark: bool) {
        let size = self.size as i64;
        if (0..size).contains(&x) && (0..size).contains(&y) {
            let i = (y * size + x) as usize;
            if let Some(m) = self.modules.get_mut(i) {
                *m = dark;
            }
            if let Some(f) = self.is_function.get_mut(i) {
                *f = true;
            }
        }
    }

    fn draw_function_patterns(&mut self) {
        let size = self.size as i64;
        // Timing patterns.
        for i in 0..size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
        // Finder patterns with their separators (the separator cells fall off the edge harmlessly).
        self.draw_finder(3, 3);
        self.draw_finder(size - 4, 3);
        self.draw_finder(3, size - 4);
        // Alignment patterns, except where they would overlap the finders.
        let positions = self.alignment_positions();
        let n = positions.len();
        for (i, &x) in positions.iter().enumerate() {
            for (j, &y) in positions.iter().enumerate() {
                // Three corners hold finders: (first, first), (first, last) and (last, first).
                let first_i = i == 0;
                let first_j = j == 0;
                let on_finder = (first_i && (first_j || j + 1 == n)) || (i + 1 == n && first_j);
                if !on_finder {
                    self.draw_alignment(x, y);
                }
            }
        }
        // Reserve the format areas (real bits come after masking) and draw the version blocks.
        self.draw_format_bits(EcLevel::L, 0);
        self.draw_version();
    }

    fn draw_finder(&mut self, x: i64, y: i64) {
        for dy in -4..=4_i64 {
            for dx in -4..=4_i64 {
                let dist = dx.abs().max(dy.abs());
                self.set_function(x + dx, y + dy, dist != 2 && dist != 4);
            }
        }
    }

    fn draw_alignment(&mut self, x: i64, y: i64) {
        for dy in -2..=2_i64 {
            for dx in -2..=2_i64 {
                self.set_function(x + dx, y + dy, dx.abs().max(dy.abs()) != 1);
            }
        }
    }

    /// Centre coordinates of the alignment patterns on each axis, ascending.
    fn alignment_positions(&self) -> Vec<i64> {
        let v = i64::from(self.version);
        if v == 1 {
            return Vec::new();
        }
        let count = v / 7 + 2;
        let step = if v == 32 {
            26
        } else {
            (v * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        };
        let mut result: Vec<i64> = (0..count - 1)
            .map(|i| self.size as i64 - 7 - i * step)
            .collect();
        result.push(6);
        result.reverse();
        result
    }

    fn draw_format_bits(&mut self, ec_level: EcLevel, mask: u8) {
        let bits = format_bits(ec_level, mask);
        let bit = |i: u32| (bits >> i) & 1 == 1;
        let size = self.size as i64;
        // First copy, around the top-left finder.
        for i in 0..=5 {
            self.set_function(8, i64::from(i), bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i64::from(i), 8, bit(i));
        }
        // Second copy, split between the other two finders.
        for i in 0..8 {
            self.set_function(size - 1 - i64::from(i), 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, size - 15 + i64::from(i), bit(i));
        }
        self.set_function(8, size - 8, true); // the dark module
    }

    fn draw_version(&mut self) {
        if self.version < 7 {
            return;
        }
        let bits = version_bits(self.version);
        let size = self.size as i64;
        for i in 0..18_i64 {
            let dark = (bits >> i) & 1 == 1;
            let a = size - 11 + i % 3;
            let b = i / 3;
            self.set_function(a, b, dark);
            self.set_function(b, a, dark);
        }
    }

    /// Places the codewords in the zig-zag order of the standard, skipping function modules.
    fn draw_codewords(&mut self, codewords: &[u8]) {
        let total_bits = codewords.len() * 8;
        let mut i = 0usize;
        let size = self.size;
        let mut right = size as i64 - 1;
        while right >= 1 {
            if right == 6 {
                right = 5; // skip the vertical timing column
            }
            for vert in 0..size {
                for j in 0..2 {
                    let x = (right - j) as usize;
                    let upward = (right + 1) & 2 == 0;
                    let y = if upward { size - 1 - vert } else { vert };
                    if !self.is_function(x, y) && i < total_bits {
                        let byte = codewords.get(i / 8).copied().unwrap_or(0);
                        let dark = (byte >> (7 - (i % 8))) & 1 == 1;
                        if let Some(m) = self.modules.get_mut(y * size + x) {
                            *m = dark;
                        }
                        i += 1;
                    }
                    // Remainder bits (if any) stay light, as the standard asks.
                }
            }
            right -= 2;
        }
    }

    /// XORs the data modules with mask pattern `mask` (applying it twice undoes it).
    fn apply_mask(&mut self, mask: u8) {
        let size = self.size;
        for y in 0..size {
            for x in 0..size {
                let invert = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                if invert && !self.is_function(x, y) {
                    if let Some(m) = self.modules.get_mut(y * size + x) {
                        *m = !*m;
                    }
                }
            }
        }
    }

    /// The standard's penalty score: runs, 2×2 blocks, finder-like patterns and dark balance.
    fn penalty_score(&self) -> i64 {
        let size = self.size;
        let mut result = 0i64;
        // Rows, then columns: runs of five or more, and 1:1:3:1:1 finder-like patterns.
        for horizontal in [true, false] {
            for a in 0..size {
                let cell = |b: usize| {
                    if horizontal {
                        self.get(b, a)
                    } else {
                        self.get(a, b)
                    }
                };
                let mut run_color = false;
                let mut run_len = 0usize;
                let mut history = RunHistory::new(size);
                for b in 0..size {
                    if cell(b) == run_color {
                        run_len += 1;
                        if run_len == 5 {
                            result += PENALTY_N1;
                        } else if run_len > 5 {
                            result += 1;
                        }
                    } else {
                        history.add(run_len);
                        if !run_color {
                            result += history.count_patterns() * PENALTY_N3;
                        }
                        run_color = cell(b);
                        run_len = 1;
                    }
                }
                result += history.terminate_and_count(run_color, run_len) * PENALTY_N3;
            }
        }
        // 2×2 blocks of one colour.
        for y in 0..size.saturating_sub(1) {
            for x in 0..size.saturating_sub(1) {
                let c = self.get(x, y);
                if c == self.get(x + 1, y) && c == self.get(x, y + 1) && c == self.get(x + 1, y + 1)
                {
                    result += PENALTY_N2;
                }
            }
        }
        // Balance of dark and light modules: 10 points per 5 % away from half.
        let dark = self.modules.iter().filter(|&&m| m).count() as i64;
        let total = (size * size) as i64;
        if total > 0 {
            let k = ((dark * 20 - total * 10).abs() + total - 1) / total - 1;
            result += k.max(0) * PENALTY_N4;
        }
        result
    }
}

/// The last seven run lengths of a row or column, newest first, for finder-like patterns.
struct RunHistory {
    runs: [usize; 7],
    size: usize,
}

impl RunHistory {
    fn new(size: usize) -> RunHistory {
        RunHistory { runs: [0; 7], size }
    }

    fn add(&mut self, mut run_len: usize) {
        if self.runs[0] == 0 {
            run_len += self.size; // the light border before the row counts as light
        }
        self.runs.copy_within(0..6, 1);
        self.runs[0] = run_len;
    }

    /// Patterns dark:light:dark×3:light:dark in 1:1:3:1:1 with 4 light on either side.
    fn count_patterns(&self) -> i64 {
        let [r0, r1, r2, r3, r4, r5, r6] = self.runs;
        let n = r1;
        let core = n > 0 && r2 == n && r3 == n * 3 && r4 == n && r5 == n;
        i64::from(core && r0 >= n * 4 && r6 >= n) + i64::from(core && r6 >= n * 4 && r0 >= n)
    }

    fn terminate_and_count(&mut self, color: bool, mut run_len: usize) -> i64 {
        if color {
            self.add(run_len);
            run_len = 0;
        }
        run_len += self.size; // the light border after the row
        self.add(run_len);
        self.count_patterns()
    }
}

/// The 15 format bits: level and mask with BCH(15,5) error correction, XOR-masked.
fn format_bits(ec_level: EcLevel, mask: u8) -> u32 {
    let data = (ec_level.format_bits() << 3) | u32::from(mask & 7);
    let mut rem = data;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    ((data << 10) | (rem & 0x3FF)) ^ 0x5412
}

/// The 18 version bits (versions 7 and up) with BCH(18,6) error correction.
fn version_bits(version: u8) -> u32 {
    let data = u32::from(version);
    let mut rem = data;
    for _ in 0..12 {
        rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
    }
    (data << 12) | (rem & 0xFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_bits_match_the_standard_table() {
        // ISO/IEC 18004 Table C.1 (after the 0x5412 mask).
        assert_eq!(format_bits(EcLevel::M, 0), 0b101010000010010);
        assert_eq!(format_bits(EcLevel::L, 0), 0b111011111000100);
        assert_eq!(format_bits(EcLevel::L, 4), 0b110011000101111);
        assert_eq!(format_bits(EcLevel::H, 7), 0b000100000111011);
    }

    #[test]
    fn version_bits_match_the_standard_table() {
        // ISO/IEC 18004 Table D.1.
        assert_eq!(version_bits(7), 0x07C94);
        assert_eq!(version_bits(10), 0x0A4D3);
        assert_eq!(version_bits(40), 0x28C69);
    }

    #[test]
    fn reed_solomon_matches_the_worked_example() {
        // The 1-M "HELLO WORLD" codewords of the well-known worked example and their ECC.
        let data = [
            32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17,
        ];
        let ecc = rs_remainder(&data, &rs_divisor(10));
        assert_eq!(ecc, vec![196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    }

    #[test]
    fn capacities_match_the_standard_table() {
        // Byte-mode capacities (ISO/IEC 18004 Table 7).
        assert_eq!(byte_capacity(1, EcLevel::L), 17);
        assert_eq!(byte_capacity(1, EcLevel::M), 14);
        assert_eq!(byte_capacity(5, EcLevel::M), 84);
        assert_eq!(byte_capacity(9, EcLevel::M), 180);
        assert_eq!(byte_capacity(10, EcLevel::M), 213);
        assert_eq!(byte_capacity(10, EcLevel::L), 271);
        assert_eq!(byte_capacity(40, EcLevel::L), 2953);
        assert_eq!(byte_capacity(40, EcLevel::H), 1273);
        assert_eq!(byte_capacity(0, EcLevel::L), 0);
        assert_eq!(byte_capacity(41, EcLevel::L), 0);
    }

    #[test]
    fn chooses_the_smallest_version() {
        let code = QrCode::encode_text("https://example.com/").unwrap();
        assert_eq!(code.version(), 2);
        assert_eq!(code.size(), 25);
        let long = "a".repeat(200);
        assert_eq!(QrCode::encode_text(&long).unwrap().version(), 10);
    }

    #[test]
    fn too_long_and_bad_options_are_errors() {
        let huge = vec![b'x'; 3000];
        assert_eq!(
            QrCode::encode_with(
                &huge,
                QrOptions {
                    ec_level: EcLevel::L,
                    ..QrOptions::default()
                }
            ),
            Err(QrError::TooLong {
                bytes: 3000,
                max: 2953
            })
        );
        let small = QrOptions {
            max_version: 10,
            ..QrOptions::default()
        };
        assert!(matches!(
            QrCode::encode_with(&[b'a'; 214], small),
            Err(QrError::TooLong { max: 213, .. })
        ));
        for bad in [
            QrOptions {
                min_version: 0,
                ..QrOptions::default()
            },
            QrOptions {
                max_version: 41,
                ..QrOptions::default()
            },
            QrOptions {
                min_version: 5,
                max_version: 4,
                ..QrOptions::default()
            },
            QrOptions {
                mask: Some(8),
                ..QrOptions::default()
            },
        ] {
            assert_eq!(QrCode::encode_with(b"x", bad), Err(QrError::BadOptions));
        }
    }

    #[test]
    fn outside_the_symbol_is_light() {
        let code = QrCode::encode_text("x").unwrap();
        assert!(code.is_dark(0, 0)); // finder corner
        assert!(!code.is_dark(21, 0));
        assert!(!code.is_dark(0, usize::MAX));
    }

    #[test]
    fn svg_path_draws_runs() {
        let code = QrCode::encode_text("x").unwrap();
        let d = code.svg_path(4);
        // The top row starts with the 7-module finder at (4, 4).
        assert!(d.starts_with("M4 4h7v1h-7z"), "{d}");
        assert!(!d.contains('-') || d.contains("h-"));
    }
}
