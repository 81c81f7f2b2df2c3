// Rng: the seeded pseudo-random generator of the synthetic-data generators.
//
// xoshiro256** (Blackman and Vigna, 2018) seeded through splitmix64, with uniform and normal draws
// written here rather than taken from <random>: the standard distributions are
// implementation-defined, so std::normal_distribution gives different numbers with libstdc++ and
// libc++. The same seed and stream give the same sequence on every platform (the normal draw uses
// std::log and std::sqrt; sqrt is exact in IEEE arithmetic, log is correctly rounded in glibc and
// within one ulp elsewhere). No units.
//
//   Rng rng(/*seed=*/42, /*stream=*/7);   // independent sequence per (seed, stream)
//   double u = rng.Uniform();             // [0, 1)
//   double z = rng.Normal();              // mean 0, standard deviation 1
#pragma once

#include <cmath>
#include <cstdint>

namespace reparto::synth {

// splitmix64 (Steele, Lea and Flood, 2014): a 64-bit mixer, used to seed xoshiro and to derive
// stream seeds. SplitMix64{0}.Next() == 0xE220A8397B1DCDAF.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

class Rng {
 public:
  // Sequence number `stream` of `seed`: different streams are independent sequences, so adding a
  // series never changes the numbers of another.
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0) {
    SplitMix64 mix(seed ^ SplitMix64(stream).Next());
    for (std::uint64_t& word : s_) word = mix.Next();
  }

  // Next 64 random bits (xoshiro256**).
  std::uint64_t Next() {
    const std::uint64_t result = RotateLeft(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = RotateLeft(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [low, high).
  double Uniform(double low, double high) { return low + (high - low) * Uniform(); }
  // Uniform integer in [0, n), n > 0 (modulo; the bias is below n / 2^64).
  std::uint64_t Below(std::uint64_t n) { return Next() % n; }
  // True with probability p.
  bool Bernoulli(double p) { return Uniform() < p; }

  // Standard normal draw (Marsaglia's polar method; the second value of each pair is kept).
  double Normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0, v = 0, s = 0;
    do {
      u = 2 * Uniform() - 1;
      v = 2 * Uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double factor = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * factor;
    has_spare_ = true;
    return u * factor;
  }
  double Normal(double mean, double sd) { return mean + sd * Normal(); }

 private:
  static std::uint64_t RotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t s_[4] = {};
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace reparto::synth
