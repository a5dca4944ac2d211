//! Config bytes -> load: never a panic; every error names the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use limberup::config::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(err) = Config::parse(text, std::path::Path::new("config.ron")) {
        assert!(err.to_string().starts_with("config.ron"));
    }
});
