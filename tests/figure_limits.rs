//! Figure files far past the limits (32 poses, 16 motion steps): the count is the one error,
//! found before any other work (each pose's `like` once ran a did-you-mean against every
//! earlier name, minutes for a file under a megabyte), and what an error quotes from the
//! file is cut short (a 159 KB file once gave 195 MB of errors). How long loading takes is
//! measured in `benches/figure.rs`.

use limberup::figure;

/// A figure of `n` poses `Pose(name: "<i>", like: "x")`, `x` named by none.
fn many_poses(n: usize) -> String {
    let poses: String = (0..n)
        .map(|i| format!("Pose(name:\"{i}\",like:\"x\"),"))
        .collect();
    format!("Figure(name:\"Many\",view:Side,motion:[\"0\"],poses:[{poses}])")
}

#[test]
fn thousands_of_poses_give_the_one_count_error() {
    let err = figure::parse(&many_poses(2_000), "many.ron").unwrap_err();
    assert_eq!(
        err.to_string(),
        "many.ron:1:43: poses: at most 32 poses, got 2000"
    );
}

#[test]
fn a_motion_past_its_limit_is_the_one_error_whatever_it_names() {
    let motion: Vec<String> = (0..5_000).map(|i| format!("\"m{i}\"")).collect();
    let src = format!(
        "Figure(name:\"Long\",view:Side,motion:[{}],poses:[Pose(name:\"m\",like:\"x\")])",
        motion.join(",")
    );
    let err = figure::parse(&src, "long.ron").unwrap_err();
    assert_eq!(
        err.to_string(),
        "long.ron:1:30: motion: at most 16 poses, got 5000"
    );
}

#[test]
fn errors_quote_long_names_cut_short() {
    // Within the limits, every motion step unknown and every pose name 10,000 chars long:
    // each error lists the poses, so quoting them whole says megabytes.
    let long = |tag: usize| format!("{tag}{}", "a".repeat(10_000));
    let poses: String = (0..32)
        .map(|i| format!("Pose(name:\"{}\",like:\"x\"),", long(i)))
        .collect();
    let motion: Vec<String> = (0..16).map(|i| format!("\"{}\"", long(100 + i))).collect();
    let src = format!(
        "Figure(name:\"Long\",view:Side,motion:[{}],poses:[{poses}])",
        motion.join(",")
    );
    assert!(src.len() < 1024 * 1024);
    let err = figure::parse(&src, "long.ron").unwrap_err();
    assert_eq!(err.problems.len(), 32 + 16, "{:?}", err.problems[0]);
    let text = err.to_string();
    assert!(text.len() < 64 * 1024, "{} bytes of errors", text.len());
    assert!(text.contains("no pose named `100aaaa"), "{}", &text[..200]);
}

#[test]
fn a_figure_file_over_its_limit_is_called_a_figure_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    std::fs::write(&path, many_poses(50_000)).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 1024 * 1024);
    assert_eq!(
        figure::load_file(&path).unwrap_err().to_string(),
        format!(
            "{}: the file is over 1 MiB, far too large for a figure file; not loaded",
            path.display()
        )
    );
}
