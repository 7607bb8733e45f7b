//! One `az` command as words, and the text a POSIX shell reads back as those same words: each
//! literal quoted by `shlex`, each shell variable (`$RESOURCE_GROUP`) in double quotes.

use std::fmt;

/// The variables the script sets at its top; a command's words may use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Var {
    ResourceGroup,
    Location,
    SubscriptionId,
    /// The key a site-to-site connection shares with the on-premises VPN device; the lab has
    /// none, so the script asks for it.
    SharedKey,
}

impl Var {
    pub fn name(self) -> &'static str {
        match self {
            Var::ResourceGroup => "RESOURCE_GROUP",
            Var::Location => "LOCATION",
            Var::SubscriptionId => "SUBSCRIPTION_ID",
            Var::SharedKey => "VPN_SHARED_KEY",
        }
    }
}

/// A piece of a word: literal text or a variable's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Var(Var),
}

/// One shell word, made of parts written next to each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word(pub Vec<Part>);

impl Word {
    pub fn text(text: impl Into<String>) -> Word {
        Word(vec![Part::Text(text.into())])
    }

    pub fn var(var: Var) -> Word {
        Word(vec![Part::Var(var)])
    }

    /// The word the shell passes to the command, the variables given their values.
    pub fn value(&self, var: &dyn Fn(Var) -> String) -> String {
        self.0
            .iter()
            .map(|part| match part {
                Part::Text(text) => text.clone(),
                Part::Var(name) => var(*name),
            })
            .collect()
    }
}

/// Quotes `text` for a POSIX shell. The lab's names and values never hold a NUL (its input
/// rules refuse control characters), the one thing `shlex` cannot quote; one is dropped.
pub fn quote(text: &str) -> String {
    match shlex::try_quote(text) {
        Ok(quoted) => quoted.into_owned(),
        Err(_) => quote(&text.replace('\0', "")),
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("''");
        }
        for part in &self.0 {
            match part {
                Part::Text(text) if text.is_empty() => f.write_str("''")?,
                Part::Text(text) => f.write_str(&quote(text))?,
                Part::Var(var) => write!(f, "\"${{{}}}\"", var.name())?,
            }
        }
        Ok(())
    }
}

/// An `az` command: its words after `az`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AzCommand {
    pub words: Vec<Word>,
}

impl AzCommand {
    /// `az <group…>`, as `az(&["network", "vnet", "create"])`.
    pub fn new(group: &[&str]) -> AzCommand {
        AzCommand {
            words: group.iter().map(|word| Word::text(*word)).collect(),
        }
    }

    /// Adds `--flag value`.
    pub fn arg(mut self, flag: &str, value: impl Into<String>) -> AzCommand {
        self.words.push(Word::text(flag));
        self.words.push(Word::text(value));
        self
    }

    /// Adds `--flag` and one word per value.
    pub fn args<I: IntoIterator<Item = S>, S: Into<String>>(
        mut self,
        flag: &str,
        values: I,
    ) -> AzCommand {
        self.words.push(Word::text(flag));
        self.words.extend(values.into_iter().map(Word::text));
        self
    }

    /// Adds `--flag` and a word built of parts.
    pub fn word(mut self, flag: &str, word: Word) -> AzCommand {
        self.words.push(Word::text(flag));
        self.words.push(word);
        self
    }

    /// Adds a flag without a value (`--yes`).
    pub fn flag(mut self, flag: &str) -> AzCommand {
        self.words.push(Word::text(flag));
        self
    }

    /// `--resource-group "${RESOURCE_GROUP}"`.
    pub fn group(self) -> AzCommand {
        self.word("--resource-group", Word::var(Var::ResourceGroup))
    }

    /// The arguments the shell gives `az`, the variables given their values.
    pub fn argv(&self, var: &dyn Fn(Var) -> String) -> Vec<String> {
        self.words.iter().map(|word| word.value(var)).collect()
    }
}

impl fmt::Display for AzCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("az")?;
        for word in &self.words {
            write!(f, " {word}")?;
        }
        Ok(())
    }
}

/// A line of a script: an `az` command, or the shell writing a file a command reads (the CLI
/// takes a certificate only as a file of its DER).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Az(AzCommand),
    /// `printf '%s' '<base64>' | base64 --decode > '<path>'`.
    DecodeFile {
        path: String,
        base64: String,
    },
}

impl From<AzCommand> for Line {
    fn from(command: AzCommand) -> Line {
        Line::Az(command)
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Line::Az(command) => command.fmt(f),
            Line::DecodeFile { path, base64 } => write!(
                f,
                "printf '%s' {} | base64 --decode > {}",
                quote(base64),
                quote(path)
            ),
        }
    }
}
