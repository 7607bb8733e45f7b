//! The grammar of an ARM template expression: `name(arg, …)` calls, `'text'` strings (a quote
//! doubled inside), integers, and `.property` / `[index]` after any of them.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Text(String),
    Number(i64),
    Call { name: String, args: Vec<Expr> },
    Property(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
}

/// Why an expression could not be read; `at` counts characters from the `[`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub problem: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.at, self.problem)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Text(String),
    Number(i64),
    Name(String),
    Open,
    Close,
    Comma,
    Dot,
    LeftBracket,
    RightBracket,
}

/// Reads the inside of `[…]` (the brackets already removed).
pub fn parse(source: &str) -> Result<Expr, SyntaxError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser {
        tokens: &tokens,
        next: 0,
        end: source.chars().count() + 1,
        depth: 0,
    };
    let expr = parser.expr()?;
    match parser.tokens.get(parser.next) {
        None => Ok(expr),
        Some((at, token)) => Err(SyntaxError {
            at: *at,
            problem: format!("{} after the end of the expression", describe(token)),
        }),
    }
}

fn tokenize(source: &str) -> Result<Vec<(usize, Token)>, SyntaxError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i + 1;
        let single = match c {
            '(' => Some(Token::Open),
            ')' => Some(Token::Close),
            ',' => Some(Token::Comma),
            '.' => Some(Token::Dot),
            '[' => Some(Token::LeftBracket),
            ']' => Some(Token::RightBracket),
            _ => None,
        };
        if let Some(token) = single {
            tokens.push((start, token));
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '\'' {
            let mut text = String::new();
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(SyntaxError {
                            at: start,
                            problem: "a string is not closed: end it with '".into(),
                        })
                    }
                    Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                        text.push('\'');
                        i += 2;
                    }
                    Some('\'') => {
                        i += 1;
                        break;
                    }
                    Some(other) => {
                        text.push(*other);
                        i += 1;
                    }
                }
            }
            tokens.push((start, Token::Text(text)));
        } else if c.is_ascii_digit()
            || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        {
            let mut end = i + 1;
            while chars.get(end).is_some_and(char::is_ascii_digit) {
                end += 1;
            }
            let digits: String = chars[i..end].iter().collect();
            let number = digits.parse().map_err(|_| SyntaxError {
                at: start,
                problem: format!("{digits} is too large a number"),
            })?;
            tokens.push((start, Token::Number(number)));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let mut end = i + 1;
            while chars
                .get(end)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
            {
                end += 1;
            }
            tokens.push((start, Token::Name(chars[i..end].iter().collect())));
            i = end;
        } else {
            return Err(SyntaxError {
                at: start,
                problem: format!("“{c}” is not part of the expression language"),
            });
        }
    }
    Ok(tokens)
}

fn describe(token: &Token) -> String {
    match token {
        Token::Text(text) => format!("the string '{text}'"),
        Token::Number(number) => format!("the number {number}"),
        Token::Name(name) => format!("the name {name}"),
        Token::Open => "“(”".into(),
        Token::Close => "“)”".into(),
        Token::Comma => "“,”".into(),
        Token::Dot => "“.”".into(),
        Token::LeftBracket => "“[”".into(),
        Token::RightBracket => "“]”".into(),
    }
}

/// Deeper nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

struct Parser<'a> {
    tokens: &'a [(usize, Token)],
    next: usize,
    end: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(_, token)| token)
    }

    fn at(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(at, _)| *at)
    }

    fn expect(&mut self, wanted: &Token, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(wanted) {
            self.next += 1;
            return Ok(());
        }
        let found = self.peek().map_or_else(|| "the end".to_string(), describe);
        Err(SyntaxError {
            at: self.at(),
            problem: format!("expected {what}, found {found}"),
        })
    }

    fn expr(&mut self) -> Result<Expr, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError {
                at: self.at(),
                problem: format!("calls are nested more than {MAX_DEPTH} deep"),
            });
        }
        let expr = self.term();
        self.depth -= 1;
        expr
    }

    fn term(&mut self) -> Result<Expr, SyntaxError> {
        let at = self.at();
        let mut expr = match self.tokens.get(self.next).map(|(_, token)| token.clone()) {
            Some(Token::Text(text)) => {
                self.next += 1;
                Expr::Text(text)
            }
            Some(Token::Number(number)) => {
                self.next += 1;
                Expr::Number(number)
            }
            Some(Token::Name(name)) => {
                self.next += 1;
                self.expect(&Token::Open, &format!("“(” after the function name {name}"))?;
                let mut args = Vec::new();
                if self.peek() == Some(&Token::Close) {
                    self.next += 1;
                } else {
                    loop {
                        args.push(self.expr()?);
                        match self.peek() {
                            Some(Token::Comma) => self.next += 1,
                            _ => {
                                self.expect(&Token::Close, "“,” or “)”")?;
                                break;
                            }
                        }
                    }
                }
                Expr::Call { name, args }
            }
            other => {
                let found = other.map_or_else(|| "the end".to_string(), |t| describe(&t));
                return Err(SyntaxError {
                    at,
                    problem: format!(
                        "expected a function call, a string or a number, found {found}"
                    ),
                });
            }
        };
        loop {
            match self.peek() {
                Some(Token::Dot) => {
                    self.next += 1;
                    match self.tokens.get(self.next).map(|(_, token)| token.clone()) {
                        Some(Token::Name(name)) => {
                            self.next += 1;
                            expr = Expr::Property(Box::new(expr), name);
                        }
                        _ => {
                            return Err(SyntaxError {
                                at: self.at(),
                                problem: "expected a property name after “.”".into(),
                            })
                        }
                    }
                }
                Some(Token::LeftBracket) => {
                    self.next += 1;
                    let index = self.expr()?;
                    self.expect(&Token::RightBracket, "“]”")?;
                    expr = Expr::Index(Box::new(expr), Box::new(index));
                }
                _ => return Ok(expr),
            }
        }
    }
}
