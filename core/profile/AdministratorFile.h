#pragma once

#include "core/domain/Result.h"
#include "core/profile/ServiceProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cpis {

// The administrator's system-wide settings: the site type and the service profiles users may
// choose between. Users read them and cannot change them; a change shows in the audit log at
// the next start (DeskServices).
//
//   [desk]
//   site = unscheduled                 ; or scheduled
//   profiles = int, training           ; allowed, the first is the default
//
//   [profile int]                      ; a built-in (training, int, live) or a new name
//   cpis = https://...                 ; keys: environment pds cpis cpis-interface identity
//   ca-bundle = /etc/cpis-desk/ca.pem  ;   mesh audit-hub ca-bundle client-certificate
//                                      ;   client-key timeout-seconds bulk-file-hosts
//                                      ;   export-folder desk-asid desk-party-key
//                                      ;   cpis-asid cpis-party-key mesh-mailbox
//                                      ;   mesh-client-certificate mesh-client-key
//   [profile training]                 ; the sandbox: only cpis-interface may be set
//
//   [screens]                          ; who sees which screen; replaces the defaults
//   activity B0107 = triage            ; activity | role | workgroup, its code, then any of
//   role R0690 = triage, area-lists    ;   triage notices review area-lists audit-export
//   workgroup Safeguarding = review    ; role: an R-code, or the whole S:G:R triple
//
// A built-in profile starts from its template; keys given replace the template's values.
// Without the file, only the training profile is allowed and the site is unscheduled care.
class AdministratorFile
{
public:
    struct Contents
    {
        QString path;         // where it was read from
        bool present = false; // false: no file, the defaults above
        SiteType site = SiteType::UnscheduledCare;
        RoleScreens screens = RoleScreens::defaults(); // the [screens] rules, if any
        QList<ServiceProfile> profiles;                // allowed, default first; never empty

        std::optional<ServiceProfile> find(const QString& name) const;
        QStringList names() const;
        // The profile asked for (empty: the default) if the administrator allows it.
        Result<ServiceProfile, QString> choose(const QString& name) const;
    };

    // /etc/cpis-desk/desk.conf, unless CPIS_DESK_ADMIN_FILE names another file. Either way the
    // file must be owned by root and writable by nobody else, so a user cannot substitute one.
    static QString path();
    static Result<Contents, QString> load(const QString& path);
    // The text of a file (at most kMaxBytes), with errors naming the line.
    static Result<Contents, QString> parse(const QByteArray& text, const QString& path);

    static constexpr qint64 kMaxBytes = 64 * 1024;
};

} // namespace cpis
