//! Names as Azure accepts them (SPEC §2).

use std::fmt;

/// Why a name is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Length { min: usize, max: usize },
    Character(char),
    Start,
    End,
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameProblem::Length { min, max } => {
                write!(f, "it must be {min} to {max} characters long")
            }
            NameProblem::Character(c) => write!(f, "it contains “{c}”, which is not allowed"),
            NameProblem::Start => write!(f, "it must start with a letter or digit"),
            NameProblem::End => write!(f, "it must not end with that character"),
        }
    }
}

/// A web app name: 2–60 of a–z, 0–9 and '-', not starting or ending with '-'. It becomes
/// `<name>.azurewebsites.net`, so it is lower case.
pub fn check_web_app_name(name: &str) -> Result<(), NameProblem> {
    let length = name.chars().count();
    if !(2..=60).contains(&length) {
        return Err(NameProblem::Length { min: 2, max: 60 });
    }
    if let Some(c) = name
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        return Err(NameProblem::Character(c));
    }
    if name.starts_with('-') {
        return Err(NameProblem::Start);
    }
    if name.ends_with('-') {
        return Err(NameProblem::End);
    }
    Ok(())
}

/// A resource name (virtual network, plan, VM, subnet …): 2–64 of letters, digits, '_', '.', '-';
/// starts with a letter or digit, ends with a letter, digit or '_'.
pub fn check_resource_name(name: &str) -> Result<(), NameProblem> {
    let length = name.chars().count();
    if !(2..=64).contains(&length) {
        return Err(NameProblem::Length { min: 2, max: 64 });
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
    {
        return Err(NameProblem::Character(c));
    }
    if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(NameProblem::Start);
    }
    if !name.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
        return Err(NameProblem::End);
    }
    Ok(())
}
