#include "core/lookup/StoreAnswerCache.h"

#include "core/store/Cache.h"

namespace cpis {

Result<std::optional<AnswerCache::Entry>, AnswerCache::Error>
StoreAnswerCache::load(const NhsNumber& nhs)
{
    auto got = m_cache.get(nhs.digits());
    if (!got)
        return Error{got.error().message};
    const auto& answer = got.value();
    if (!answer || answer->environment != m_environment)
        return std::optional<Entry>();
    return std::optional<Entry>(Entry{answer->payload, answer->fetchedAtUtc});
}

Status<AnswerCache::Error> StoreAnswerCache::save(const NhsNumber& nhs, const Entry& entry)
{
    auto s = m_cache.put({nhs.digits(), entry.payload, entry.fetchedUtc, m_environment});
    if (!s)
        return Error{s.error().message};
    return {};
}

} // namespace cpis
