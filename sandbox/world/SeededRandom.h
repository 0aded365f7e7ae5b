#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>

namespace cpis::sandbox {

// splitmix64: tiny, fast and good enough to make synthetic people look varied. The same state
// always gives the same numbers.
class SplitMix64
{
public:
    explicit SplitMix64(quint64 state) : m_state(state) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    // One number from one key, for a draw that needs no stream.
    static quint64 mix(quint64 key) { return SplitMix64(key).next(); }

private:
    quint64 m_state;
};

// The sandbox's one source of random numbers, handed to whatever needs one. The synthetic world
// (people, area residents, the review history) draws from streams derived from one seed, so the
// same seed always builds the same world; each purpose has a stream of its own, so more draws
// for one never shift another. Credentials draw from a secret that differs every run unless a
// test fixes it: a token must never be valid again after a restart.
class SeededRandom
{
public:
    // The multiplier that spreads the seed for each purpose (fixed: worlds stay reproducible).
    enum class Stream : quint64
    {
        Population = 0x2545F4914F6CDD1Dull,
        AreaResidents = 0x9E3779B97F4A7C15ull,
        SyntheticMembers = 0xD1B54A32D192ED03ull,
    };

    explicit SeededRandom(quint64 seed, std::optional<quint64> secretSeed = std::nullopt);

    quint64 seed() const { return m_seed; }
    // The numbers for one purpose and key (an area, a member index, a day).
    SplitMix64 stream(Stream purpose, quint64 key) const
    {
        return SplitMix64(m_seed * quint64(purpose) + key);
    }
    // Unguessable bytes for tokens and codes: SHA-256 of the secret and a counter.
    QByteArray secretBytes(int n);

private:
    quint64 m_seed;
    quint64 m_secret;
    quint64 m_secretCounter = 0;
};

} // namespace cpis::sandbox
