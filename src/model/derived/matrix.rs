//! The reachability matrix (SPEC §4): every web app against every known endpoint, each cell the
//! VNet Integration verdict and the Hybrid Connection verdict (R24).
//!
//! The VNet check uses the endpoint's IP address, the way that needs no DNS; the Hybrid
//! Connection answer uses its host name, because a Hybrid Connection matches traffic by name.

use crate::model::derived::check::{self, Target};
use crate::model::derived::endpoints::{known_endpoints, Endpoint};
use crate::model::derived::hybrid::{hybrid_answer, HybridAnswer};
use crate::model::entities::ids::WebAppId;
use crate::model::entities::subscription::Subscription;
use crate::model::entities::web_app::WebApp;

/// The most rows and columns shown at once; filters narrow what they hold.
pub const MAX_APPS: usize = 200;
pub const MAX_ENDPOINTS: usize = 500;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub vnet: bool,
    pub hybrid: bool,
}

/// Which cells to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VerdictFilter {
    #[default]
    Any,
    VnetReaches,
    HybridReaches,
    Either,
    Neither,
}

impl VerdictFilter {
    pub const ALL: [VerdictFilter; 5] = [
        VerdictFilter::Any,
        VerdictFilter::VnetReaches,
        VerdictFilter::HybridReaches,
        VerdictFilter::Either,
        VerdictFilter::Neither,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VerdictFilter::Any => "Any verdict",
            VerdictFilter::VnetReaches => "VNet Integration reaches",
            VerdictFilter::HybridReaches => "Hybrid Connection reaches",
            VerdictFilter::Either => "Either reaches",
            VerdictFilter::Neither => "Neither reaches",
        }
    }

    pub fn keeps(self, cell: Cell) -> bool {
        match self {
            VerdictFilter::Any => true,
            VerdictFilter::VnetReaches => cell.vnet,
            VerdictFilter::HybridReaches => cell.hybrid,
            VerdictFilter::Either => cell.vnet || cell.hybrid,
            VerdictFilter::Neither => !cell.vnet && !cell.hybrid,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixFilter {
    pub app: Option<WebAppId>,
    /// The name of the virtual or local network the endpoints are in.
    pub network: Option<String>,
    pub verdict: VerdictFilter,
}

/// A column: one open port of one host, with the two names the checks use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column<'a> {
    pub endpoint: Endpoint<'a>,
    /// The host name a Hybrid Connection would name (else the address).
    pub name: String,
    pub address: String,
}

impl Column<'_> {
    /// How the endpoint reads in a row of the comparison, a prediction and a list's filter:
    /// "sql01 (10.1.1.5) TCP 1433", as the matrix's heading reads it.
    pub fn label(&self) -> String {
        format!(
            "{} ({}) {}",
            self.endpoint.host.name, self.address, self.endpoint.rule
        )
    }

    pub fn network(&self) -> &str {
        self.endpoint.location.name()
    }

    /// What the VNet check is asked: the endpoint by address.
    pub fn target(&self) -> Target<'_> {
        Target {
            host: &self.address,
            port: self.endpoint.rule.port,
            protocol: self.endpoint.rule.protocol,
        }
    }

    /// The Hybrid Connection answer from `app`: the endpoint by name.
    pub fn hybrid_answer<'s>(
        &self,
        subscription: &'s Subscription,
        app: WebAppId,
    ) -> HybridAnswer<'s> {
        let rule = self.endpoint.rule;
        hybrid_answer(subscription, app, &self.name, rule.port, rule.protocol)
    }
}

#[derive(Clone, Debug)]
pub struct Matrix<'a> {
    subscription: &'a Subscription,
    pub apps: Vec<&'a WebApp>,
    pub columns: Vec<Column<'a>>,
    /// Row-major: `cells[row * columns.len() + column]`, when a verdict filter needed them all;
    /// empty otherwise, and [`Matrix::cell`] runs the checks of the cells asked for.
    cells: Vec<Cell>,
    /// Rows and columns that matched the filters but did not fit.
    pub apps_left_out: usize,
    pub columns_left_out: usize,
}

impl Matrix<'_> {
    /// Both answers for a row and a column; a view shows only the cells on screen, so a large
    /// matrix costs the checks of what is seen.
    pub fn cell(&self, row: usize, column: usize) -> Cell {
        match self.cells.get(row * self.columns.len() + column) {
            Some(cell) => *cell,
            None => cell(self.subscription, self.apps[row].id, &self.columns[column]),
        }
    }
}

/// Both answers for one app and one endpoint.
pub fn cell(subscription: &Subscription, app: WebAppId, column: &Column<'_>) -> Cell {
    Cell {
        vnet: check::reachable(subscription, app, column.target()),
        hybrid: column.hybrid_answer(subscription, app).reaches(),
    }
}

fn column(endpoint: Endpoint<'_>) -> Column<'_> {
    Column {
        name: endpoint.name(),
        address: endpoint.address().to_string(),
        endpoint,
    }
}

/// Every known endpoint as a column.
pub fn columns(subscription: &Subscription) -> Vec<Column<'_>> {
    known_endpoints(subscription)
        .into_iter()
        .map(column)
        .collect()
}

/// The matrix for `filter`: the app and network filters choose rows and columns (at most
/// [`MAX_APPS`] × [`MAX_ENDPOINTS`]); a verdict filter then runs every check and keeps the rows
/// and columns with at least one kept cell. Without one, no check runs until a cell is asked for.
pub fn matrix<'a>(subscription: &'a Subscription, filter: &MatrixFilter) -> Matrix<'a> {
    let chosen = chosen(subscription, filter);
    match checked(&chosen, filter.verdict) {
        Some(verdicts) => kept(chosen, &verdicts),
        None => chosen,
    }
}

/// What a verdict filter keeps of the matrix: the rows and columns (positions among those the
/// app and network filters choose) with at least one kept cell, and their cells, row-major. It
/// borrows nothing, so a view keeps it for one state and filter and redraws a scrolled window of
/// a filtered matrix without running a check again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdicts {
    rows: Vec<usize>,
    columns: Vec<usize>,
    cells: Vec<Cell>,
}

/// Every check of the matrix a verdict filter needs; `None` for [`VerdictFilter::Any`], which
/// needs none until a cell is asked for.
pub fn verdicts(subscription: &Subscription, filter: &MatrixFilter) -> Option<Verdicts> {
    checked(&chosen(subscription, filter), filter.verdict)
}

/// The matrix for `filter`, with the `verdicts` computed for this same state and filter.
pub fn matrix_with<'a>(
    subscription: &'a Subscription,
    filter: &MatrixFilter,
    verdicts: Option<&Verdicts>,
) -> Matrix<'a> {
    let chosen = chosen(subscription, filter);
    match verdicts {
        Some(verdicts) => kept(chosen, verdicts),
        None => chosen,
    }
}

/// Runs every check of `full` and keeps what `verdict` keeps.
fn checked(full: &Matrix<'_>, verdict: VerdictFilter) -> Option<Verdicts> {
    if verdict == VerdictFilter::Any {
        return None;
    }
    let width = full.columns.len();
    let cells: Vec<Cell> = (0..full.apps.len())
        .flat_map(|row| (0..width).map(move |column| (row, column)))
        .map(|(row, column)| full.cell(row, column))
        .collect();
    let keeps = |index: usize| verdict.keeps(cells[index]);
    let rows: Vec<usize> = (0..full.apps.len())
        .filter(|row| (0..width).any(|column| keeps(row * width + column)))
        .collect();
    let columns: Vec<usize> = (0..width)
        .filter(|column| (0..full.apps.len()).any(|row| keeps(row * width + column)))
        .collect();
    let cells = rows
        .iter()
        .flat_map(|row| columns.iter().map(move |column| row * width + column))
        .map(|index| cells[index])
        .collect();
    Some(Verdicts {
        rows,
        columns,
        cells,
    })
}

/// The rows and columns of `chosen` that `verdicts` keeps, with their cells.
fn kept<'a>(chosen: Matrix<'a>, verdicts: &Verdicts) -> Matrix<'a> {
    Matrix {
        apps: verdicts
            .rows
            .iter()
            .filter_map(|row| chosen.apps.get(*row).copied())
            .collect(),
        columns: verdicts
            .columns
            .iter()
            .filter_map(|column| chosen.columns.get(*column).cloned())
            .collect(),
        cells: verdicts.cells.clone(),
        ..chosen
    }
}

/// The rows and columns the app and network filters choose, no check run yet.
fn chosen<'a>(subscription: &'a Subscription, filter: &MatrixFilter) -> Matrix<'a> {
    let apps: Vec<&WebApp> = subscription
        .web_apps
        .values()
        .filter(|app| filter.app.is_none_or(|id| id == app.id))
        .collect();
    // Names and addresses are written out only for the endpoints that fit.
    let mut endpoints = known_endpoints(subscription)
        .into_iter()
        .filter(|endpoint| {
            filter
                .network
                .as_deref()
                .is_none_or(|n| n == endpoint.location.name())
        });
    let columns: Vec<Column> = endpoints.by_ref().take(MAX_ENDPOINTS).map(column).collect();
    let columns_left_out = endpoints.count();
    let apps_left_out = apps.len().saturating_sub(MAX_APPS);
    let apps: Vec<&WebApp> = apps.into_iter().take(MAX_APPS).collect();
    Matrix {
        subscription,
        apps,
        columns,
        cells: Vec::new(),
        apps_left_out,
        columns_left_out,
    }
}
