#include "ui/lookup/PlanCard.h"

#include "core/domain/DisplayFormat.h"
#include "core/domain/PlanType.h"
#include "ui/widgets/DeskClipboard.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/WrapLabel.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTimer>

namespace cpis::ui {

QString PlanCard::datesText(const CpisPlan& plan, const QDate& today)
{
    const QString started = tr("Started %1").arg(display::date(plan.start));
    if (!plan.end)
        return started + QStringLiteral(" · ") + tr("Ongoing");
    if (plan.hasEndedBy(today))
        return started + QStringLiteral(" · ") + tr("ENDED %1").arg(display::date(*plan.end));
    return started + QStringLiteral(" · ") + tr("Ends %1").arg(display::date(*plan.end));
}

void PlanCard::showCopied(QPushButton* button)
{
    // Said in words on the button (and so to a screen reader) for two seconds.
    const QString was = button->text();
    if (was == tr("Copied"))
        return;
    button->setText(tr("Copied"));
    QTimer::singleShot(2000, button, [button, was] { button->setText(was); });
}

PlanCard::PlanCard(const CpisPlan& plan, const QDate& today, QWidget* parent)
    : QFrame(parent), m_ended(plan.hasEndedBy(today))
{
    const bool ended = m_ended;
    setObjectName(QStringLiteral("planCard"));
    // Ended plans are grey and say ENDED in words; current ones carry the red edge.
    setContentsMargins(ended ? QMargins(2, 2, 2, 2) : QMargins(8, 0, 0, 0));
    // Every pixel is drawn here (paintEvent): the section need not paint its background first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_grid = new QGridLayout(this);
    QLabel* type = addTitle(planTypeText(plan.type) + (ended ? tr(" (ended)") : QString()),
                            datesText(plan, today));
    QLabel* la = addAuthority(plan.authority);
    setAccessibleName(type->text());
    setAccessibleDescription(datesText(plan, today) + QStringLiteral(". ") + la->text());
}

PlanCard::PlanCard(const UndisplayableRecord& record, QWidget* parent) : QFrame(parent)
{
    // Read as a current plan until the authority says otherwise: the red edge of one.
    setObjectName(QStringLiteral("planCard"));
    setProperty("undisplayable", true);
    setContentsMargins(8, 0, 0, 0);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_grid = new QGridLayout(this);
    const QString dates = tr("Plan type not known to this desk: contact the local authority.");
    QLabel* type = addTitle(tr("Record this desk cannot display"), dates);
    findChild<QLabel*>(QStringLiteral("planDates"))->setWordWrap(true);
    QString said = dates;
    if (record.authority) {
        said += QStringLiteral(" ") + addAuthority(*record.authority)->text();
    } else {
        auto* none = new WrapLabel(tr("The responsible local authority's contacts could not be "
                                      "read from CP-IS's answer."),
                                   this);
        none->setObjectName(QStringLiteral("planAuthority"));
        m_grid->addWidget(none, m_row++, 0, 1, 3);
        said += QStringLiteral(" ") + none->text();
    }
    setAccessibleName(type->text());
    setAccessibleDescription(said);
}

QLabel* PlanCard::addTitle(const QString& text, const QString& dates)
{
    auto* type = new PlainLabel(text, this);
    type->setObjectName(QStringLiteral("planType"));
    QFont f = type->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    type->setFont(f);
    m_grid->addWidget(type, 0, 0, 1, 3);

    auto* when = new PlainLabel(dates, this);
    when->setObjectName(QStringLiteral("planDates"));
    m_grid->addWidget(when, 1, 0, 1, 3);
    m_row = 2;
    return type;
}

QLabel* PlanCard::addAuthority(const LocalAuthority& authority)
{
    auto* la = new WrapLabel(tr("Responsible local authority: %1").arg(authority.name), this);
    la->setObjectName(QStringLiteral("planAuthority"));
    m_grid->addWidget(la, m_row++, 0, 1, 3);

    auto phone = [&](const QString& label, const QString& number, const QString& name) {
        auto* l = new PlainLabel(label, this);
        auto* v = new PlainLabel(number.isEmpty() ? display::notKnown() : number, this);
        v->setObjectName(name);
        v->selectableOnHover();
        QFont bold = v->font();
        bold.setBold(true);
        v->setFont(bold);
        l->setBuddy(v);
        m_grid->addWidget(l, m_row, 0);
        m_grid->addWidget(v, m_row, 1);
        if (!number.isEmpty()) {
            auto* copy = new QPushButton(tr("Copy"), this);
            copy->setObjectName(name + QStringLiteral("Copy"));
            copy->setAccessibleName(tr("Copy %1 number").arg(label));
            connect(copy, &QPushButton::clicked, this, [number, copy] {
                DeskClipboard::copy(number);
                showCopied(copy);
            });
            m_grid->addWidget(copy, m_row, 2);
        }
        ++m_row;
    };
    phone(tr("Office hours"), authority.officeHoursPhone, QStringLiteral("officeHoursPhone"));
    phone(tr("Emergency duty (out of hours)"), authority.emergencyDutyPhone,
          QStringLiteral("emergencyDutyPhone"));
    m_grid->setColumnStretch(1, 1);
    return la;
}

QLabel* PlanCard::addLocalHeading(const QString& text)
{
    auto* heading = new PlainLabel(text, this);
    heading->setObjectName(QStringLiteral("localDirectoryHeading"));
    heading->setWordWrap(true);
    QFont italic = heading->font();
    italic.setItalic(true);
    heading->setFont(italic);
    QPalette grey = heading->palette();
    grey.setColor(QPalette::WindowText, QColor(0x4c, 0x62, 0x72)); // 6.1:1 on white
    heading->setPalette(grey);
    m_grid->addWidget(heading, m_row++, 0, 1, 3);
    return heading;
}

void PlanCard::showLocalDirectory(const DirectoryEntry& entry)
{
    if (entry.email.isEmpty() && entry.notes.isEmpty())
        return;
    addLocalHeading(tr("From this site's local directory (not in the national record):"));
    QString said;
    if (!entry.email.isEmpty()) {
        auto* l = new PlainLabel(tr("Email (local directory)"), this);
        auto* v = new PlainLabel(entry.email, this);
        v->setObjectName(QStringLiteral("localEmail"));
        v->setTextFormat(Qt::PlainText); // typed by people: never interpreted as markup
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        v->setAccessibleName(tr("Email from local directory: %1").arg(entry.email));
        l->setBuddy(v);
        m_grid->addWidget(l, m_row, 0);
        m_grid->addWidget(v, m_row, 1);
        auto* copy = new QPushButton(tr("Copy"), this);
        copy->setObjectName(QStringLiteral("localEmailCopy"));
        copy->setAccessibleName(tr("Copy local directory email"));
        const QString email = entry.email;
        connect(copy, &QPushButton::clicked, this, [email, copy] {
            DeskClipboard::copy(email);
            showCopied(copy);
        });
        m_grid->addWidget(copy, m_row, 2);
        ++m_row;
        said += tr("Local directory email %1.").arg(entry.email);
    }
    if (!entry.notes.isEmpty()) {
        auto* l = new PlainLabel(tr("Notes (local directory)"), this);
        auto* v = new PlainLabel(entry.notes, this);
        v->setObjectName(QStringLiteral("localNotes"));
        v->setTextFormat(Qt::PlainText);
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        v->setAccessibleName(tr("Notes from local directory: %1").arg(entry.notes));
        l->setBuddy(v);
        m_grid->addWidget(l, m_row, 0, Qt::AlignTop);
        m_grid->addWidget(v, m_row, 1, 1, 2);
        ++m_row;
        said += (said.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Local directory notes: %1").arg(entry.notes);
    }
    setAccessibleDescription(accessibleDescription() + QStringLiteral(" ") + said);
}

void PlanCard::showLocalDirectoryError(const QString& message)
{
    QLabel* l = addLocalHeading(tr("The local directory could not be read: %1").arg(message));
    l->setObjectName(QStringLiteral("localDirectoryError"));
    l->setTextFormat(Qt::PlainText);
}

void PlanCard::paintEvent(QPaintEvent* event)
{
    // Drawn here rather than by a style sheet, which would re-polish every label of every card
    // as each answer is shown. A current plan: white with NHS red's 8-pixel edge; an ended one:
    // pale grey in a dashed grey border.
    Q_UNUSED(event);
    QPainter p(this);
    if (m_ended) {
        p.fillRect(rect(), QColor(0xf0, 0xf4, 0xf5));
        QPen dashed(QColor(0x76, 0x86, 0x92), 2, Qt::DashLine);
        p.setPen(dashed);
        p.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
        return;
    }
    p.fillRect(rect(), Qt::white);
    p.fillRect(QRect(0, 0, 8, height()), QColor(0xd5, 0x28, 0x1b));
}

QPushButton* PlanCard::firstAction() const
{
    return findChild<QPushButton*>();
}

} // namespace cpis::ui
