//! The few DER encodings (ITU-T X.690) an X.509 certificate needs: definite lengths, small
//! integers, object identifiers, UTF-8 strings, times and bit strings. Written here rather than
//! taken from rcgen because rcgen and its signing backend cost 43 KB of the 300 KB bundle.

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OBJECT_IDENTIFIER: u8 = 0x06;
const UTF8_STRING: u8 = 0x0c;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

/// One tag-length-value.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let length = content.len();
    if length < 0x80 {
        out.push(length as u8);
    } else {
        let bytes: Vec<u8> = length
            .to_be_bytes()
            .into_iter()
            .skip_while(|byte| *byte == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

pub fn sequence(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(SEQUENCE, &parts.concat())
}

pub fn set(parts: &[Vec<u8>]) -> Vec<u8> {
    tlv(SET, &parts.concat())
}

/// A non-negative integer, in the fewest bytes, with a leading zero when the high bit is set.
pub fn unsigned(value: u64) -> Vec<u8> {
    let bytes: Vec<u8> = value
        .to_be_bytes()
        .into_iter()
        .skip_while(|b| *b == 0)
        .collect();
    let mut content = Vec::with_capacity(bytes.len() + 1);
    if bytes.first().is_none_or(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend(bytes);
    tlv(INTEGER, &content)
}

/// An object identifier from its arcs, as `[1, 3, 6, 1]`.
pub fn oid(arcs: &[u64]) -> Vec<u8> {
    let mut content = Vec::new();
    let mut base128 = |mut value: u64| {
        let mut groups = vec![(value & 0x7f) as u8];
        value >>= 7;
        while value > 0 {
            groups.push(0x80 | (value & 0x7f) as u8);
            value >>= 7;
        }
        content.extend(groups.into_iter().rev());
    };
    base128(arcs[0] * 40 + arcs[1]);
    for arc in &arcs[2..] {
        base128(*arc);
    }
    tlv(OBJECT_IDENTIFIER, &content)
}

pub fn utf8_string(text: &str) -> Vec<u8> {
    tlv(UTF8_STRING, text.as_bytes())
}

/// A bit string of whole bytes.
pub fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = vec![0];
    content.extend_from_slice(bytes);
    tlv(BIT_STRING, &content)
}

/// A time as RFC 5280 §4.1.2.5 wants it: UTCTime for 1950–2049, GeneralizedTime otherwise.
pub fn time(year: i64, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Vec<u8> {
    let rest = format!("{month:02}{day:02}{hour:02}{minute:02}{second:02}Z");
    if (1950..2050).contains(&year) {
        tlv(UTC_TIME, format!("{:02}{rest}", year % 100).as_bytes())
    } else {
        tlv(GENERALIZED_TIME, format!("{year:04}{rest}").as_bytes())
    }
}
