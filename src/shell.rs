//! Packaging helpers: shell completion scripts and the man page, both generated from the
//! clap definitions so they never drift from the real command line.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;

use crate::cli::Cli;

/// Writes the completion script for `shell`. Generated in memory first: clap_complete
/// panics on a write error, and `| head` must not panic.
pub fn completions(shell: Shell, out: &mut impl Write) -> std::io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "limberup", &mut script);
    out.write_all(&script)
}

/// Writes one man page (roff) holding every command: the main synopsis and options, then a
/// section per command with its own synopsis, description and options. (clap_mangen alone
/// would point at a limberup-run(1) page and so on, which a single page cannot ship.)
pub fn man(out: &mut impl Write) -> std::io::Result<()> {
    let mut cli = Cli::command();
    cli.build();
    let main = Man::new(cli.clone());
    let mut page = Vec::new();
    main.render_title(&mut page)?;
    main.render_name_section(&mut page)?;
    main.render_synopsis_section(&mut page)?;
    main.render_description_section(&mut page)?;
    main.render_options_section(&mut page)?;
    for sub in cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let man = Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        writeln!(page, ".SH \"LIMBERUP {}\"", sub.get_name().to_uppercase())?;
        // Each command's sections become subsections of its own section.
        for line in String::from_utf8_lossy(&part).lines() {
            match line.strip_prefix(".SH ") {
                Some(title) => writeln!(page, ".SS {title}")?,
                None => writeln!(page, "{line}")?,
            }
        }
    }
    main.render_version_section(&mut page)?;
    // Every render call repeats the page's string definitions; keep the first of each.
    let mut seen = std::collections::HashSet::new();
    for line in String::from_utf8_lossy(&page).lines() {
        let definition = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if !definition || seen.insert(line.to_string()) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
