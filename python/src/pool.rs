//! Parallel extraction on scoped std threads, results handed to the calling
//! thread as they are ready.
//!
//! The calling thread hands out the items through a short bounded queue
//! (making them as it goes: the binding turns Python strings into UTF-8
//! there), workers take the next one as they finish (so one long article
//! does not hold up a fixed share of the others) and send each result over
//! a bounded channel; the calling thread consumes them meanwhile — the
//! Python binding turns them into Python objects there, under the GIL,
//! while the workers go on extracting without it. Every wait of the calling
//! thread goes through a `block` hook, where the binding releases the GIL.
//!
//! No unsafe code, no dependency: extraction is CPU-bound and batches are
//! large, so a work-stealing pool would buy nothing here.

use std::sync::mpsc::{TryRecvError, TrySendError, sync_channel};
use std::sync::{Mutex, PoisonError};

/// The number of workers for `jobs` (`None`: one per core), never more
/// than there are items, at least one.
pub fn workers(jobs: Option<usize>, items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    jobs.unwrap_or(cores).min(items).max(1)
}

/// Why a pipeline stopped early.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop<E> {
    /// A worker panicked (which `f` must not do), with the panic message.
    Panicked(String),
    /// The consumer (or, in [`pipeline_fed`], the items) returned this
    /// error.
    Consumer(E),
}

/// A blocking receive of the next result (`None`: all workers are done).
pub type Recv<'a, R> = dyn Fn() -> Option<(usize, R)> + Sync + 'a;

/// Applies `f` to every item on `jobs` worker threads and calls
/// `consume(index, result)` on the calling thread for each result, in the
/// order they finish. Every blocking wait of the calling thread is made
/// through `block(recv)`, which must return `recv()`. A consumer error
/// stops the handing out of work; the items in flight are finished and
/// dropped.
pub fn pipeline<T, R, E, F, B, C>(
    items: &[T],
    jobs: usize,
    f: F,
    block: B,
    consume: C,
) -> Result<(), Stop<E>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
    B: FnMut(&Recv<'_, R>) -> Option<(usize, R)>,
    C: FnMut(usize, R) -> Result<(), E>,
{
    pipeline_fed(items.iter().map(Ok), jobs, |x: &T| f(x), block, consume)
}

/// [`pipeline`] over items made one by one on the calling thread (the
/// binding turns Python strings into UTF-8 there, under the GIL): the
/// workers start on the first items while the calling thread makes the
/// next ones and, in between, consumes the results that are ready. At
/// most 16 items per worker wait in the queue: enough for the workers to go
/// on for several milliseconds when the calling thread is off the CPU (on
/// a loaded machine), few enough to hold little memory. An error from
/// `items` stops the pipeline like a consumer error.
pub fn pipeline_fed<I, T, R, E, F, B, C>(
    items: I,
    jobs: usize,
    f: F,
    mut block: B,
    mut consume: C,
) -> Result<(), Stop<E>>
where
    I: Iterator<Item = Result<T, E>>,
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync,
    B: FnMut(&Recv<'_, R>) -> Option<(usize, R)>,
    C: FnMut(usize, R) -> Result<(), E>,
{
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = sync_channel::<(usize, T)>(jobs * 16);
    let work_rx = Mutex::new(work_rx);
    let (tx, rx) = sync_channel::<(usize, R)>(jobs * 64);
    let rx = Mutex::new(rx);
    let recv = || {
        rx.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv()
            .ok()
    };
    let try_recv = || rx.lock().unwrap_or_else(PoisonError::into_inner).try_recv();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|_| {
                let (tx, work_rx, f) = (tx.clone(), &work_rx, &f);
                s.spawn(move || {
                    loop {
                        let next = work_rx
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .recv();
                        let Ok((i, item)) = next else { break };
                        if tx.send((i, f(item))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(tx);
        let mut outcome = Ok(());
        let mut items = items.enumerate();
        // The next item to hand out, made but not yet queued (the queue
        // was full).
        let mut held: Option<(usize, T)> = None;
        let mut work_tx = Some(work_tx);
        'run: loop {
            // Hand out work until the queue is full or the items are done.
            while let Some(queue) = &work_tx {
                let next = match held.take() {
                    Some(x) => x,
                    None => match items.next() {
                        Some((i, Ok(item))) => (i, item),
                        Some((_, Err(e))) => {
                            outcome = Err(Stop::Consumer(e));
                            break 'run;
                        }
                        None => {
                            // No more work: the workers stop when the
                            // queue is empty.
                            work_tx = None;
                            break;
                        }
                    },
                };
                match queue.try_send(next) {
                    Ok(()) => {}
                    Err(TrySendError::Full(x)) => {
                        held = Some(x);
                        break;
                    }
                    Err(TrySendError::Disconnected(_)) => {
                        work_tx = None;
                        break;
                    }
                }
            }
            // Consume what is ready; wait for a result when nothing is.
            let ready = match try_recv() {
                Ok(x) => Some(x),
                Err(TryRecvError::Empty) => block(&recv),
                Err(TryRecvError::Disconnected) => None,
            };
            let Some((i, r)) = ready else { break };
            if let Err(e) = consume(i, r) {
                outcome = Err(Stop::Consumer(e));
                break;
            }
        }
        // Stopped early: no more work; the items in flight are finished
        // and dropped.
        drop(work_tx);
        drop(held);
        if outcome.is_err() {
            while let Ok(x) = work_rx
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .try_recv()
            {
                drop(x);
            }
            while block(&recv).is_some() {}
        }
        for h in handles {
            if let Err(p) = h.join() {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                outcome = outcome.and(Err(Stop::Panicked(format!(
                    "a vietfacts worker thread panicked: {msg}"
                ))));
            }
        }
        outcome
    })
}

/// `f` applied to every item of `items` on `jobs` threads; the results in
/// input order.
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
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    pipeline(
        items,
        jobs,
        f,
        |recv| recv(),
        |i, r| {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
            Ok::<(), String>(())
        },
    )
    .map_err(|e| match e {
        Stop::Panicked(m) | Stop::Consumer(m) => m,
    })?;
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
    fn a_consumer_error_stops_the_work_without_a_deadlock() {
        // More items than the channel holds, so workers would block on a
        // full channel if nobody drained it after the error.
        let items: Vec<u32> = (0..10_000).collect();
        let mut seen = 0;
        let r = pipeline(
            &items,
            2,
            |x| *x,
            |recv| recv(),
            |_, _| {
                seen += 1;
                if seen == 10 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(Stop::Consumer("stop")));
        assert_eq!(seen, 10);
    }

    #[test]
    fn every_wait_goes_through_the_block_hook() {
        let items: Vec<u32> = (0..500).collect();
        let mut waits = 0;
        let mut sum = 0u64;
        pipeline(
            &items,
            3,
            |x| u64::from(*x),
            |recv| {
                waits += 1;
                recv()
            },
            |_, v| {
                sum += v;
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(sum, (0..500u64).sum::<u64>());
        assert!(waits >= 1);
    }

    #[test]
    fn an_item_error_stops_the_pipeline_and_no_item_after_it_is_made() {
        let mut made = 0;
        let items = (0..10_000u32).map(|i| {
            made += 1;
            if i == 50 { Err("item 50") } else { Ok(i) }
        });
        let mut consumed = 0;
        let r = pipeline_fed(
            items,
            2,
            |x| x * 2,
            |recv| recv(),
            |_, _| {
                consumed += 1;
                Ok(())
            },
        );
        assert_eq!(r, Err(Stop::Consumer("item 50")));
        assert!(consumed <= 50);
        assert_eq!(made, 51);
    }

    #[test]
    fn fed_items_reach_the_consumer_once_each() {
        let mut seen = vec![0u8; 3_000];
        pipeline_fed(
            (0..3_000usize).map(Ok::<usize, ()>),
            3,
            |i| i,
            |recv| recv(),
            |i, r| {
                assert_eq!(i, r);
                seen[i] += 1;
                Ok(())
            },
        )
        .unwrap();
        assert!(seen.iter().all(|&n| n == 1));
    }

    #[test]
    fn workers_are_bounded_by_items() {
        assert_eq!(workers(Some(8), 3), 3);
        assert_eq!(workers(Some(2), 0), 1);
        assert!(workers(None, 1000) >= 1);
    }
}
