//! The parts of the frame around every view.

mod breadcrumbs;
mod import_report;
mod navigation;
mod notifications;
mod storage_banner;
mod top_bar;

pub use breadcrumbs::Breadcrumbs;
pub use import_report::{browser_now, ImportReport, PendingImport};
pub use navigation::Navigation;
pub use notifications::{NotificationArea, Notifications, Tone};
pub use storage_banner::StorageBanner;
pub use top_bar::TopBar;
