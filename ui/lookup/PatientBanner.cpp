#include "ui/lookup/PatientBanner.h"

#include "core/domain/DisplayFormat.h"
#include "ui/widgets/PlainLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cpis::ui {

PatientBanner::PatientBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("patientBanner"));
    setAccessibleName(tr("Patient banner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#patientBanner { background: #e8edee; }"
                                 "QLabel[role=\"label\"] { color: #425563; }"
                                 "QLabel[role=\"value\"] { color: #212b32; font-weight: bold; }"));
    auto* outer = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    outer->addLayout(row);

    m_name = new PlainLabel(this);
    m_name->setObjectName(QStringLiteral("bannerName"));
    m_name->setProperty("role", QStringLiteral("value"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_name->setFont(big);
    // A long name takes the banner's spare width and is elided past it, so the window never
    // grows off the screen; the whole banner is in the tooltip and the accessible description.
    // Its own minimum, not the whole name's: the layout may narrow it that far.
    m_name->setMinimumWidth(120);
    m_name->installEventFilter(this);
    row->addWidget(m_name, 1);
    row->addSpacing(24);

    auto field = [&](const QString& label, const QString& name) {
        auto* l = new PlainLabel(label, this);
        l->setObjectName(name + QStringLiteral("Label"));
        l->setProperty("role", QStringLiteral("label"));
        auto* v = new PlainLabel(this);
        v->setObjectName(name);
        v->setProperty("role", QStringLiteral("value"));
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        l->setBuddy(v);
        row->addWidget(l);
        row->addWidget(v);
        row->addSpacing(16);
        return v;
    };
    // CUI: no colons after the labels.
    m_born = field(tr("Born"), QStringLiteral("bannerBorn"));
    // In place of an age: shown only for someone PDS records as dead.
    m_died = field(tr("Died"), QStringLiteral("bannerDied"));
    m_diedLabel = findChild<QLabel*>(QStringLiteral("bannerDiedLabel"));
    m_gender = field(tr("Gender"), QStringLiteral("bannerGender"));
    m_nhs = field(tr("NHS No."), QStringLiteral("bannerNhsNumber"));

    m_copyMark = new PlainLabel(this);
    m_copyMark->setObjectName(QStringLiteral("bannerFromCopy"));
    m_copyMark->setWordWrap(true);
    // White on NHS purple: 12.6:1, the offline copy's colour in the CP-IS section too.
    m_copyMark->setStyleSheet(QStringLiteral(
        "QLabel { background: #330072; color: #ffffff; font-weight: bold; padding: 4px; }"));
    outer->addWidget(m_copyMark);

    m_notes = new PlainLabel(this);
    m_notes->setObjectName(QStringLiteral("bannerNotes"));
    m_notes->setWordWrap(true);
    outer->addWidget(m_notes);
    clear();
}

void PatientBanner::setPatient(const Demographics& p, const QDate& today)
{
    m_fullName = display::patientName(p.familyName, p.givenName, p.title);
    elideName();
    m_born->setText(display::bornWithAge(p.birthDate, p.deceased, today));
    m_died->setText(p.deceased ? display::partialDate(*p.deceased) : QString());
    m_died->setVisible(p.deceased.has_value());
    m_diedLabel->setVisible(p.deceased.has_value());
    m_gender->setText(display::gender(p.gender));
    m_nhs->setText(p.nhsNumber.display());

    QStringList notes;
    if (p.supersededFrom)
        notes << tr("The NHS number %1 has been replaced by %2. Use the new number from now on.")
                     .arg(p.supersededFrom->display(), p.nhsNumber.display());
    switch (p.confidentiality) {
    case Demographics::Confidentiality::Unrestricted:
        if (!p.temporaryAddress.isEmpty())
            notes << tr("Temporary address: %1").arg(p.temporaryAddress);
        break;
    case Demographics::Confidentiality::Restricted:
        notes << tr("Restricted record: address, contact details and GP practice are withheld.");
        break;
    case Demographics::Confidentiality::VeryRestricted:
        notes << tr("Very restricted record: address, contact details and GP practice are "
                    "withheld.");
        break;
    }
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    m_copyMark->clear();
    m_copyMark->setVisible(false);
    setVisible(true);
    setAccessibleDescription(summaryText());
    setToolTip(summaryText());
}

void PatientBanner::markFromCopy(const QDateTime& fetchedUtc)
{
    m_copyMark->setText(tr("FROM THE OFFLINE COPY of %1: PDS could not be reached, so this "
                           "banner is not today's trace. Check it with extra care.")
                            .arg(display::dateTime(fetchedUtc)));
    m_copyMark->setVisible(true);
    setAccessibleDescription(summaryText());
    setToolTip(summaryText());
}

bool PatientBanner::isFromCopy() const
{
    return !m_copyMark->text().isEmpty();
}

void PatientBanner::elideName()
{
    // Until it is laid out on screen the label has no width of its own to elide to.
    m_name->setText(m_name->isVisible() ? m_name->fontMetrics().elidedText(
                                              m_fullName, Qt::ElideRight, m_name->width())
                                        : m_fullName);
    m_name->setAccessibleName(m_fullName);
    m_name->setToolTip(m_fullName);
}

bool PatientBanner::eventFilter(QObject* watched, QEvent* event)
{
    // On the width the layout gave it, never before: the whole name decides its first size.
    if (watched == m_name && !m_fullName.isEmpty() && event->type() == QEvent::Resize)
        elideName();
    return QFrame::eventFilter(watched, event);
}

void PatientBanner::clear()
{
    for (QLabel* l : {m_name, m_born, m_died, m_gender, m_nhs, m_notes, m_copyMark})
        l->clear();
    m_fullName.clear();
    m_copyMark->setVisible(false);
    setToolTip(QString());
    m_died->setVisible(false);
    m_diedLabel->setVisible(false);
    m_notes->setVisible(false);
    setAccessibleDescription(QString());
    setVisible(false);
}

QString PatientBanner::summaryText() const
{
    if (m_fullName.isEmpty())
        return {};
    const QString copy =
        m_copyMark->text().isEmpty() ? QString() : QStringLiteral(". ") + m_copyMark->text();
    if (!m_died->text().isEmpty())
        return tr("%1, born %2, died %3, gender %4, NHS number %5")
                   .arg(m_fullName, m_born->text(), m_died->text(), m_gender->text(),
                        m_nhs->text()) +
               copy;
    return tr("%1, born %2, gender %3, NHS number %4")
               .arg(m_fullName, m_born->text(), m_gender->text(), m_nhs->text()) +
           copy;
}

} // namespace cpis::ui
