#include "core/profile/AdministratorFile.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace cpis {

namespace {

const QString kDefaultPath = QStringLiteral("/etc/cpis-desk/desk.conf");

QString lineError(const QString& path, int line, const QString& what)
{
    return QStringLiteral("%1, line %2: %3").arg(path).arg(line).arg(what);
}

QStringList listValue(const QString& value)
{
    QStringList out;
    for (const QString& part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

// One key of a [profile NAME] section applied to the profile; an error names what is wrong.
std::optional<QString> applyKey(ServiceProfile& p, const QString& key, const QString& value)
{
    auto url = [&](QUrl& target) -> std::optional<QString> {
        const QUrl u(value, QUrl::StrictMode);
        if (!u.isValid() || u.scheme().isEmpty())
            return QStringLiteral("'%1' needs a full address such as https://host/path").arg(key);
        target = u;
        return std::nullopt;
    };
    if (key == u"environment") {
        p.environment = value;
    } else if (key == u"pds") {
        return url(p.pds);
    } else if (key == u"cpis") {
        return url(p.cpis);
    } else if (key == u"cpis-fhir") {
        return url(p.cpisFhir);
    } else if (key == u"identity") {
        p.signIn.issuer = value; // compared exactly, as given
        return url(p.identity);
    } else if (key == u"client-id") {
        p.signIn.clientId = value;
    } else if (key == u"client-auth") {
        if (value == u"private_key_jwt")
            p.signIn.clientAuth = ClientAuthMethod::PrivateKeyJwt;
        else if (value == u"client_secret_post")
            p.signIn.clientAuth = ClientAuthMethod::ClientSecretPost;
        else
            return QStringLiteral("client-auth takes private_key_jwt or client_secret_post");
    } else if (key == u"client-signing-key") {
        p.signIn.clientKeyFile = value;
    } else if (key == u"client-key-id") {
        p.signIn.clientKeyId = value;
    } else if (key == u"client-signing-alg") {
        if (value != u"RS256" && value != u"RS512")
            return QStringLiteral("client-signing-alg takes RS256 or RS512");
        p.signIn.clientSigningAlg = value;
    } else if (key == u"client-secret-file") {
        p.signIn.clientSecretFile = value;
    } else if (key == u"redirect-port") {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1024 || port > 65535)
            return QStringLiteral("redirect-port takes the registered port, 1024 to 65535");
        p.signIn.redirectPort = quint16(port);
    } else if (key == u"acr-values") {
        p.signIn.acrValues = value;
    } else if (key == u"scopes") {
        p.signIn.extraScopes = value.split(u' ', Qt::SkipEmptyParts);
    } else if (key == u"browser") {
        if (value != u"system" && value != u"embedded")
            return QStringLiteral("browser takes system or embedded");
        p.signIn.embeddedBrowser = value == u"embedded";
    } else if (key == u"platform-token-url") {
        QUrl u;
        if (auto bad = url(u))
            return bad;
        p.signIn.platformTokenUrl = u;
    } else if (key == u"platform-revocation-url") {
        QUrl u;
        if (auto bad = url(u))
            return bad;
        p.signIn.platformRevocationUrl = u;
    } else if (key == u"platform-api-key") {
        p.signIn.platformApiKey = value;
    } else if (key == u"platform-signing-key") {
        p.signIn.platformKeyFile = value;
    } else if (key == u"platform-key-id") {
        p.signIn.platformKeyId = value;
    } else if (key == u"cli-keeps-session") {
        if (value != u"yes" && value != u"no")
            return QStringLiteral("cli-keeps-session takes yes or no");
        p.signIn.cliKeepsSession = value == u"yes";
    } else if (key == u"mesh") {
        return url(p.mesh);
    } else if (key == u"mesh-mailbox") {
        p.meshMailbox = value.toUpper();
    } else if (key == u"mesh-client-certificate") {
        p.meshClientCertificate = value;
    } else if (key == u"mesh-client-key") {
        p.meshClientKey = value;
    } else if (key == u"audit-hub") {
        return url(p.auditHub);
    } else if (key == u"cpis-interface") {
        const auto i = cpisInterfaceFromName(value);
        if (!i)
            return QStringLiteral("cpis-interface takes hl7v3 or fhir");
        p.cpisInterface = *i;
    } else if (key == u"ca-bundle") {
        p.caBundle = value;
    } else if (key == u"client-certificate") {
        p.clientCertificate = value;
    } else if (key == u"client-key") {
        p.clientKey = value;
    } else if (key == u"desk-asid") {
        p.deskAsid = value;
    } else if (key == u"desk-party-key") {
        p.deskPartyKey = value;
    } else if (key == u"cpis-asid") {
        p.cpisAsid = value;
    } else if (key == u"cpis-party-key") {
        p.cpisPartyKey = value;
    } else if (key == u"timeout-seconds") {
        bool ok = false;
        const int s = value.toInt(&ok);
        if (!ok || s < 1 || s > 300)
            return QStringLiteral("timeout-seconds takes a whole number from 1 to 300");
        p.timeout = std::chrono::seconds(s);
    } else if (key == u"bulk-file-hosts") {
        p.bulkFileHosts = listValue(value);
    } else if (key == u"export-folder") {
        p.exportFolder = value;
    } else {
        return QStringLiteral("unknown key '%1'").arg(key);
    }
    return std::nullopt;
}

// One rule of the [screens] section, "kind code = function, function"; an error names what
// is wrong. The code keeps its case for workgroups (CIS2's names are the organisation's own).
Result<RoleScreens::Rule, QString> screenRule(const QString& key, const QString& value)
{
    static const QRegularExpression activityCode(QStringLiteral(R"(^B[0-9]{4}$)"));
    static const QRegularExpression roleCode(
        QStringLiteral(R"(^(S[0-9]{4}:G[0-9]{4}:)?R[0-9]{4}$)"));
    const qsizetype space = key.indexOf(u' ');
    const auto match = RoleScreens::matchNamed(key.left(space).toLower());
    if (space <= 0 || !match)
        return QStringLiteral("a [screens] rule starts with activity, role or workgroup, then the "
                              "code: 'activity B0107 = triage'");
    RoleScreens::Rule rule;
    rule.match = *match;
    rule.code = key.mid(space + 1).trimmed();
    if (rule.match != RoleScreens::Match::Workgroup)
        rule.code = rule.code.toUpper();
    if (rule.match == RoleScreens::Match::Activity && !activityCode.match(rule.code).hasMatch())
        return QStringLiteral("'%1' is not an RBAC activity code (B and four digits, B0107)")
            .arg(rule.code);
    if (rule.match == RoleScreens::Match::Role && !roleCode.match(rule.code).hasMatch())
        return QStringLiteral("'%1' is not a job role code (R8001, or S8000:G8000:R8001)")
            .arg(rule.code);
    if (rule.code.isEmpty() || rule.code.size() > 100)
        return QStringLiteral("a workgroup rule names the workgroup (at most 100 characters)");
    for (const QString& name : listValue(value)) {
        const auto f = RoleScreens::functionNamed(name.toLower());
        if (!f)
            return QStringLiteral("'%1' is not a desk function (%2)")
                .arg(name, RoleScreens::functionNames().join(QStringLiteral(", ")));
        if (!rule.functions.contains(*f))
            rule.functions << *f;
    }
    if (rule.functions.isEmpty())
        return QStringLiteral("a [screens] rule gives at least one of %1")
            .arg(RoleScreens::functionNames().join(QStringLiteral(", ")));
    return rule;
}

} // namespace

std::optional<ServiceProfile> AdministratorFile::Contents::find(const QString& name) const
{
    for (const ServiceProfile& p : profiles) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

QStringList AdministratorFile::Contents::names() const
{
    QStringList out;
    for (const ServiceProfile& p : profiles)
        out << p.name;
    return out;
}

Result<ServiceProfile, QString> AdministratorFile::Contents::choose(const QString& name) const
{
    if (name.isEmpty())
        return profiles.first();
    if (auto p = find(name))
        return *p;
    return QStringLiteral("the profile '%1' is not one the administrator allows here (allowed: %2)")
        .arg(name, names().join(QStringLiteral(", ")));
}

QString AdministratorFile::path()
{
    const QString fromEnv = qEnvironmentVariable("CPIS_DESK_ADMIN_FILE");
    return fromEnv.isEmpty() ? kDefaultPath : fromEnv;
}

Result<AdministratorFile::Contents, QString> AdministratorFile::load(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        Contents c;
        c.path = path;
        c.profiles = {ServiceProfile::training()};
        return c;
    }
#ifdef Q_OS_UNIX
    // Whoever can write the file decides where patient data goes and whether look-ups notify.
    if (info.ownerId() != 0 ||
        info.permissions().testAnyFlags(QFileDevice::WriteGroup | QFileDevice::WriteOther))
        return QStringLiteral("%1 must be owned by root and writable by root only; it is not, so "
                              "it is not used")
            .arg(path);
#endif
    if (info.size() > kMaxBytes)
        return QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(kMaxBytes);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 cannot be read: %2").arg(path, f.errorString());
    return parse(f.read(kMaxBytes + 1), path);
}

Result<AdministratorFile::Contents, QString> AdministratorFile::parse(const QByteArray& text,
                                                                      const QString& path)
{
    if (text.size() > kMaxBytes)
        return QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(kMaxBytes);
    static const QRegularExpression section(QStringLiteral(R"(^\[\s*([^\]]*?)\s*\]$)"));
    static const QRegularExpression profileName(QStringLiteral(R"(^[a-z0-9][a-z0-9-]{0,31}$)"));

    Contents c;
    c.path = path;
    c.present = true;
    QStringList allowed;
    bool sawAllowed = false;
    QHash<QString, ServiceProfile> defined;
    QStringList definedOrder;
    QList<RoleScreens::Rule> screenRules;
    bool sawScreens = false;
    QString current; // "desk", "screens", "profile NAME" or empty before the first section
    ServiceProfile* profile = nullptr;

    const QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QString line = lines.at(i).trimmed();
        if (line.startsWith(u'#'))
            continue;
        const qsizetype comment = line.indexOf(u';');
        if (comment >= 0)
            line.truncate(comment);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (const auto m = section.match(line); m.hasMatch()) {
            const QString name = m.captured(1).simplified();
            profile = nullptr;
            if (name == u"desk") {
                current = name;
            } else if (name == u"screens") {
                current = name;
                sawScreens = true;
            } else if (name.startsWith(QStringLiteral("profile "))) {
                const QString pname = name.mid(8).trimmed();
                if (!profileName.match(pname).hasMatch())
                    return lineError(path, lineNo,
                                     QStringLiteral("a profile name is lower-case letters, digits "
                                                    "and hyphens"));
                if (defined.contains(pname))
                    return lineError(path, lineNo,
                                     QStringLiteral("profile '%1' is defined twice").arg(pname));
                ServiceProfile p = ServiceProfile::builtIn(pname).value_or(ServiceProfile{});
                p.name = pname;
                if (p.environment.isEmpty())
                    p.environment = pname;
                defined.insert(pname, p);
                definedOrder << pname;
                profile = &defined[pname];
                current = name;
            } else {
                return lineError(path, lineNo,
                                 QStringLiteral("unknown section '[%1]' (expected [desk], "
                                                "[screens] or [profile NAME])")
                                     .arg(name));
            }
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            return lineError(path, lineNo, QStringLiteral("expected key = value"));
        const QString key = line.left(eq).trimmed().toLower();
        const QString value = line.mid(eq + 1).trimmed();
        if (current == u"screens") {
            auto rule = screenRule(line.left(eq).simplified(), value);
            if (!rule)
                return lineError(path, lineNo, rule.error());
            for (const RoleScreens::Rule& r : std::as_const(screenRules))
                if (r.match == rule->match && r.code == rule->code)
                    return lineError(path, lineNo,
                                     QStringLiteral("the rule for %1 %2 is given twice")
                                         .arg(RoleScreens::nameOf(r.match), r.code));
            screenRules << rule.value();
        } else if (current == u"desk") {
            if (key == u"site") {
                const auto s = siteTypeFromName(value);
                if (!s)
                    return lineError(path, lineNo,
                                     QStringLiteral("site takes unscheduled or scheduled"));
                c.site = *s;
            } else if (key == u"profiles") {
                allowed = listValue(value);
                sawAllowed = true;
            } else {
                return lineError(path, lineNo, QStringLiteral("unknown key '%1'").arg(key));
            }
        } else if (profile) {
            // Training may only choose how it talks to its sandbox, never where.
            if (profile->isTraining() && key != u"cpis-interface")
                return lineError(path, lineNo,
                                 QStringLiteral("the training profile is the built-in sandbox "
                                                "and takes no settings"));
            if (auto bad = applyKey(*profile, key, value))
                return lineError(path, lineNo, *bad);
        } else {
            return lineError(path, lineNo, QStringLiteral("a setting before any section"));
        }
    }

    if (sawScreens) {
        // An empty section would leave every role with nothing: a slip, not a choice.
        if (screenRules.isEmpty())
            return QStringLiteral("%1: [screens] gives no rule; every role would see nothing "
                                  "(remove the section for the defaults)")
                .arg(path);
        c.screens = RoleScreens::of(screenRules);
    }
    if (!sawAllowed)
        allowed = definedOrder.isEmpty() ? QStringList{ServiceProfile::kTraining} : definedOrder;
    if (allowed.isEmpty())
        return QStringLiteral("%1: [desk] profiles lists no profile").arg(path);
    for (const QString& name : std::as_const(allowed)) {
        if (c.find(name))
            return QStringLiteral("%1: [desk] profiles names '%2' twice").arg(path, name);
        ServiceProfile p;
        if (defined.contains(name))
            p = defined.value(name);
        else if (auto b = ServiceProfile::builtIn(name))
            p = *b;
        else
            return QStringLiteral("%1: [desk] profiles names '%2', which is neither built in nor "
                                  "defined by a [profile %2] section")
                .arg(path, name);
        p.site = c.site;
        p.screens = c.screens;
        if (!p.isTraining()) {
            if (auto bad = p.problem())
                return QStringLiteral("%1: %2").arg(path, *bad);
        }
        c.profiles << p;
    }
    return c;
}

} // namespace cpis
