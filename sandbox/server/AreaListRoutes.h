#pragma once

#include "core/domain/Clock.h"
#include "sandbox/endpoints/BulkExport.h"
#include "sandbox/server/HttpExchange.h"

#include <memory>

namespace cpis::sandbox {

class AreaDirectory;
class NdjsonExportFile;
class SignInService;
struct TestUser;

// The HTTP face of the area lists (docs/api.md §11): GET Group (the areas a community
// practitioner may export), GET Group/<id>/$export (kick-off), GET and DELETE the status URL, GET
// the NDJSON files (chunked). Checks the bearer token, X-Request-ID and the job role, then asks
// the area directory and the export jobs. Files at capability URLs (`?key=`) are served without
// a token and refuse one; when BulkExport names a file host, requests to that host get files
// only. Retry-After goes out as seconds or an HTTP-date, as the options say.
class AreaListRoutes
{
public:
    AreaListRoutes(AreaDirectory& areas,
                   BulkExport& exports,
                   SignInService& signIn,
                   const Clock& clock)
        : m_areas(areas), m_exports(exports), m_signIn(signIn), m_clock(clock)
    {}

    // Answers requests for its own paths and returns true; false leaves them to the caller.
    bool dispatch(const HttpRequest& in, QTcpSocket* socket);

    static const QString kGroupBase;
    static const QString kJobBase;

private:
    HttpResponse groups(const HttpRequest& in, const TestUser& user);
    HttpResponse kickOff(const HttpRequest& in, const TestUser& user, const QString& groupId);
    HttpResponse status(const HttpRequest& in, const TestUser& user, const QString& jobId);
    HttpResponse cancel(const TestUser& user, const QString& jobId);
    HttpResponse refused(const BulkExport::Refusal& r) const;
    bool
    sendFile(const HttpRequest& in, std::unique_ptr<NdjsonExportFile> ndjson, QTcpSocket* socket);

    AreaDirectory& m_areas;
    BulkExport& m_exports;
    SignInService& m_signIn;
    const Clock& m_clock;
};

} // namespace cpis::sandbox
