//! What the tests share: a small seeded generator, so that random test
//! inputs are the same at every run and need no crate.

/// xorshift64*: deterministic, seeded, good enough to mix test pieces.
pub(crate) struct Rng(u64);

impl Rng {
    /// The generator every random mix of the tests starts from.
    pub(crate) fn new() -> Rng {
        Rng(0x9E37_79B9_7F4A_7C15)
    }

    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        match n {
            0 => 0,
            _ => usize::try_from(self.next() % n as u64).unwrap_or(0),
        }
    }

    /// A text of 1 to `most` pieces drawn from `pieces`, each preceded by a
    /// space one time in `space_one_in` (glued to the one before
    /// otherwise).
    pub(crate) fn mix(&mut self, pieces: &[&str], most: usize, space_one_in: usize) -> String {
        let mut text = String::new();
        for _ in 0..1 + self.below(most) {
            if self.below(space_one_in) == 0 {
                text.push(' ');
            }
            text.push_str(pieces.get(self.below(pieces.len())).copied().unwrap_or(""));
        }
        text
    }
}

/// The seed article (`fixtures/duong-quang-2017.txt`), its upper-case copy,
/// and its tails from every `step`-th character: texts of every length and
/// cut, for comparing a shortcut with the path it shortcuts.
pub(crate) fn seed_texts(step: usize) -> Vec<String> {
    let raw = include_str!("../fixtures/duong-quang-2017.txt");
    let mut texts = vec![raw.to_string(), raw.to_uppercase()];
    for (k, _) in raw.char_indices().step_by(step.max(1)) {
        texts.push(raw.get(k..).unwrap_or_default().to_string());
    }
    texts
}
