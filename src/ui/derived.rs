//! Narrow values derived from the state, each recomputed when what it reads changes and
//! notifying only when its value does: a view built on one is not redrawn by a tick of the
//! clock unless what it shows moved.
//!
//! Every [`Derived`] is the same Leptos memo underneath, over a type-erased value that still
//! compares by its own `PartialEq`: the memo's machinery is compiled once, not once per type,
//! which keeps the bundle small with a memo for each thing a view shows.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Subscription;

/// A value of any type that tells whether it equals another of its type.
trait Comparable: Any + Send + Sync {
    fn equals(&self, other: &dyn Any) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + Send + Sync + 'static> Comparable for T {
    fn equals(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A value of some type, compared by that type's `PartialEq`: what every memo holds, and what a
/// typed choice keeps of the value picked.
#[derive(Clone)]
pub struct Erased(Arc<dyn Comparable>);

impl Erased {
    pub fn new<T: PartialEq + Send + Sync + 'static>(value: T) -> Erased {
        Erased(Arc::new(value))
    }

    /// The value, as the `T` it was made from.
    pub fn get<T: 'static>(&self) -> &T {
        self.0
            .as_any()
            .downcast_ref::<T>()
            .expect("an Erased is read as the type it was made from")
    }
}

impl PartialEq for Erased {
    fn eq(&self, other: &Erased) -> bool {
        self.0.equals(other.0.as_any())
    }
}

/// The one memo every derived value uses.
fn memo(compute: Box<dyn Fn() -> Erased + Send + Sync>) -> Memo<Erased> {
    Memo::new(move |_| compute())
}

/// The one memo every value derived from the subscription uses: it reads the subscription
/// through one compiled path, whatever it derives.
fn memo_of(
    subscription: RwSignal<Subscription>,
    derive: Box<dyn Fn(&Subscription) -> Erased + Send + Sync>,
) -> Memo<Erased> {
    Memo::new(move |_| subscription.with(|s| derive(s)))
}

/// The one memo every constant uses: it reads no signal, so it never changes.
fn fixed(value: Erased) -> Memo<Erased> {
    Memo::new(move |_| value.clone())
}

/// A memo of `T`: read it with `get` or `with`, tracked, or their `_untracked` forms.
pub struct Derived<T> {
    memo: Memo<Erased>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

impl<T: PartialEq + Send + Sync + 'static> Derived<T> {
    /// Computes `compute` now and whenever a signal it reads changes.
    pub fn new(compute: impl Fn() -> T + Send + Sync + 'static) -> Derived<T> {
        Derived {
            memo: memo(Box::new(move || Erased::new(compute()))),
            value: PhantomData,
        }
    }

    /// Derives `derive` from the subscription now and whenever it changes.
    pub fn of(
        subscription: RwSignal<Subscription>,
        derive: impl Fn(&Subscription) -> T + Send + Sync + 'static,
    ) -> Derived<T> {
        Derived {
            memo: memo_of(subscription, Box::new(move |s| Erased::new(derive(s)))),
            value: PhantomData,
        }
    }

    /// A value that never changes, such as a fixed list of choices.
    pub fn constant(value: T) -> Derived<T> {
        Derived {
            memo: fixed(Erased::new(value)),
            value: PhantomData,
        }
    }

    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.memo.with(|erased| read(erased.get()))
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.memo.with_untracked(|erased| read(erased.get()))
    }

    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }
}
