//! A parallel map over a slice, in input order, on scoped std threads.
//!
//! Workers take the next index from a shared counter (so one long article
//! does not hold up a fixed share of the others) and keep their results
//! locally; the results are put back in input order at the end. No unsafe
//! code, no dependency: extraction is CPU-bound and the batches are large,
//! so a work-stealing pool would buy nothing here.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of workers for `jobs` (`None`: one per core), never more
/// than there are items, at least one.
pub fn workers(jobs: Option<usize>, items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    jobs.unwrap_or(cores).min(items).max(1)
}

/// `f` applied to every item of `items` on `jobs` threads; the results in
/// input order. `Err` only if a worker panicked (which `f` must not do).
///
/// ```
/// use vietfacts_python::pool::par_map;
/// let squares = par_map(&[1u64, 2, 3, 4, 5], 3, |x| x * x).unwrap();
/// assert_eq!(squares, vec![1, 4, 9, 16, 25]);
/// ```
pub fn par_map<T, R, F>(items: &[T], jobs: usize, f: F) -> Result<Vec<R>, String>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    if jobs <= 1 || items.len() <= 1 {
        return Ok(items.iter().map(f).collect());
    }
    let next = AtomicUsize::new(0);
    let parts: Vec<std::thread::Result<Vec<(usize, R)>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        // Joined here, so a panic comes back as an `Err`, not as a panic
        // of the scope.
        handles.into_iter().map(|h| h.join()).collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for part in parts {
        let part = part.map_err(|p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            format!("a vietfacts worker thread panicked: {msg}")
        })?;
        for (i, r) in part {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.ok_or_else(|| format!("no result for item {i}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_order_for_any_number_of_jobs() {
        let items: Vec<String> = (0..1000).map(|i| format!("bài {i}")).collect();
        let expected: Vec<usize> = items.iter().map(|s| s.chars().count()).collect();
        for jobs in [1, 2, 3, 8, 2000] {
            assert_eq!(
                par_map(&items, jobs, |s| s.chars().count()).unwrap(),
                expected
            );
        }
    }

    #[test]
    fn empty_input() {
        let none: [u8; 0] = [];
        assert_eq!(par_map(&none, 4, |x| *x).unwrap(), Vec::<u8>::new());
    }

    #[test]
    fn a_panicking_worker_is_an_error_not_a_panic() {
        let items = [1, 2, 3, 4];
        let r = par_map(&items, 2, |&x| {
            if x == 3 {
                panic!("bad item");
            }
            x
        });
        assert!(r.unwrap_err().contains("bad item"));
    }

    #[test]
    fn workers_are_bounded_by_items() {
        assert_eq!(workers(Some(8), 3), 3);
        assert_eq!(workers(Some(2), 0), 1);
        assert!(workers(None, 1000) >= 1);
    }
}
