#include "sandbox/world/SeededRandom.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace cpis::sandbox {

SeededRandom::SeededRandom(quint64 seed, std::optional<quint64> secretSeed)
    : m_seed(seed), m_secret(secretSeed ? *secretSeed : QRandomGenerator::system()->generate64())
{}

QByteArray SeededRandom::secretBytes(int n)
{
    QByteArray out;
    while (out.size() < n) {
        QCryptographicHash h(QCryptographicHash::Sha256);
        const quint64 words[2] = {m_secret, m_secretCounter++};
        h.addData(QByteArrayView(reinterpret_cast<const char*>(words), sizeof words));
        out += h.result();
    }
    out.truncate(n);
    return out;
}

} // namespace cpis::sandbox
