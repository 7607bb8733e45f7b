//! The parts of the frame around every view.

mod breadcrumbs;
mod navigation;
mod notifications;
mod top_bar;

pub use breadcrumbs::Breadcrumbs;
pub use navigation::Navigation;
pub use notifications::NotificationArea;
pub use top_bar::TopBar;
