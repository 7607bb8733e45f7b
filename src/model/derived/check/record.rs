//! How a stage of the check says what it found. A stage stops only by recording a problem:
//! [`Stopped`] is made here and nowhere else, so a stop without its reason cannot be written.

use std::ops::ControlFlow;

use super::{Problem, Report, Step};

/// Proof that the check stopped at a problem it recorded.
#[derive(Debug)]
pub struct Stopped(());

/// What a stage hands on: its value, or the stop at its problem.
pub type Next<T = ()> = ControlFlow<Stopped, T>;

/// Records a step; a problem stops the evaluation.
pub fn record<'a>(report: &mut Report<'a>, step: impl Into<Step<'a>>) -> Next {
    match step.into() {
        Step::Passed(finding) => {
            report.steps.push(Step::Passed(finding));
            ControlFlow::Continue(())
        }
        Step::Failed(problem) => stop(report, problem),
    }
}

/// Records a problem and stops there.
pub fn stop<'a, T>(report: &mut Report<'a>, problem: Problem<'a>) -> Next<T> {
    report.steps.push(Step::Failed(problem));
    ControlFlow::Break(Stopped(()))
}
