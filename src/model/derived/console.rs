//! The web app's console, like Kudu's: `ping` and `nslookup` do not work from a web app (R18) and
//! say so; `tcpping host:port` runs the connection check and prints its answer.

use crate::model::derived::check::{self, Problem, Stage, Target};
use crate::model::entities::host::Protocol;
use crate::model::entities::ids::WebAppId;
use crate::model::entities::subscription::Subscription;

/// A check the console ran or points to, so the UI can open it in the connection check view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckRequest {
    pub host: String,
    pub port: u16,
    pub protocol: Protocol,
}

/// What the console printed for one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleReply {
    pub lines: Vec<String>,
    pub check: Option<CheckRequest>,
}

const HELP: &str = "Commands: tcpping host:port (tests a TCP connection through the VNet connection), nameresolver name (resolves it as the web app does), ping host, nslookup name, help.";

fn reply(lines: Vec<String>, check: Option<CheckRequest>) -> ConsoleReply {
    ConsoleReply { lines, check }
}

/// Splits `host:port`; the error says what to type instead.
/// The console's line for a problem's fix.
fn fix_line(problem: &Problem<'_>) -> String {
    format!("Fix: {}", problem.fix().advice)
}

fn host_and_port(argument: &str) -> Result<(&str, u16), String> {
    let example = if argument.is_empty() {
        "10.1.1.4"
    } else {
        argument
    };
    let usage = || format!("tcpping needs a host and a port, such as “tcpping {example}:1433”.");
    let (host, port) = argument.rsplit_once(':').ok_or_else(usage)?;
    if host.is_empty() {
        return Err(usage());
    }
    match port.parse::<u16>() {
        Ok(port) if port > 0 => Ok((host, port)),
        _ => Err(format!(
            "“{port}” is not a port: write a number from 1 to 65535, as in “tcpping {host}:1433”."
        )),
    }
}

/// Answers one console line typed in `app`'s console.
pub fn answer(subscription: &Subscription, app: WebAppId, line: &str) -> ConsoleReply {
    let mut words = line.split_whitespace();
    let Some(program) = words.next() else {
        return reply(Vec::new(), None);
    };
    let argument = words.next().unwrap_or_default();
    match program.to_ascii_lowercase().as_str() {
        "help" => reply(vec![HELP.to_string()], None),
        "ping" => reply(
            vec![
                "ping does not work from a web app: ICMP is not carried by VNet Integration, which carries TCP and UDP only.".into(),
                "Use “tcpping host:port”, or the connection check, to test the port the service listens on.".into(),
            ],
            None,
        ),
        "nslookup" => reply(
            vec![
                "nslookup does not work from a web app's console.".into(),
                "The connection check shows how the name resolves through the VNet's DNS servers, step by step.".into(),
            ],
            (!argument.is_empty()).then(|| CheckRequest {
                host: argument.to_string(),
                port: 80,
                protocol: Protocol::Tcp,
            }),
        ),
        "nameresolver" if argument.is_empty() => reply(
            vec!["nameresolver needs a name, such as “nameresolver sql01.corp.contoso.com”.".into()],
            None,
        ),
        "nameresolver" => {
            let target = Target {
                host: argument,
                port: 80,
                protocol: Protocol::Tcp,
            };
            let report = check::run(subscription, app, target);
            let resolution = report
                .steps
                .iter()
                .find(|step| step.stage() == Stage::NameResolution);
            let lines = match (resolution, report.failure()) {
                (Some(step), _) => {
                    let mut lines = vec![step.to_string()];
                    lines.extend(step.problem().map(fix_line));
                    lines
                }
                (None, Some(problem)) => vec![
                    format!("{argument} was not resolved: {problem}"),
                    fix_line(problem),
                ],
                (None, None) => Vec::new(),
            };
            reply(
                lines,
                Some(CheckRequest {
                    host: argument.to_string(),
                    port: 80,
                    protocol: Protocol::Tcp,
                }),
            )
        }
        "tcpping" => match host_and_port(argument) {
            Err(usage) => reply(vec![usage], None),
            Ok((host, port)) => {
                let report = check::run(
                    subscription,
                    app,
                    Target {
                        host,
                        port,
                        protocol: Protocol::Tcp,
                    },
                );
                let lines = match report.failure() {
                    None => vec![format!("Connected to {host}:{port}: success.")],
                    Some(problem) => vec![
                        format!("Connection attempt to {host}:{port} failed."),
                        problem.to_string(),
                        fix_line(problem),
                    ],
                };
                reply(
                    lines,
                    Some(CheckRequest {
                        host: host.to_string(),
                        port,
                        protocol: Protocol::Tcp,
                    }),
                )
            }
        },
        _ => reply(
            vec![format!("“{program}” is not a command here. {HELP}")],
            None,
        ),
    }
}
