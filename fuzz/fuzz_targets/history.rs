//! History bytes -> parse: never a panic; every line is either a record or named as skipped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use limberup::history::parse;

fuzz_target!(|data: &[u8]| {
    let loaded = parse(data);
    let lines = data.split(|&b| b == b'\n').count();
    assert!(loaded.records.len() + loaded.skipped.len() <= lines);
    for skipped in &loaded.skipped {
        assert!(skipped.line >= 1 && skipped.line <= lines);
    }
});
