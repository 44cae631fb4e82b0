import { useTranslation } from 'react-i18next'

type Contact = { email?: string; phone?: string; website?: string }

/** Address, phone, e-mail and website; numbers and addresses always run left to right. */
export function ContactDetails({ contact, address }: { contact: Contact; address: string | null }) {
  const { t } = useTranslation('common')
  if (!address && !contact.email && !contact.phone && !contact.website) {
    return <p>{t('contact.none')}</p>
  }
  return (
    <dl className="details">
      {address ? (
        <>
          <dt>{t('contact.address')}</dt>
          <dd dir="auto">{address}</dd>
        </>
      ) : null}
      {contact.phone ? (
        <>
          <dt>{t('contact.phone')}</dt>
          <dd>
            <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
              {contact.phone}
            </a>
          </dd>
        </>
      ) : null}
      {contact.email ? (
        <>
          <dt>{t('contact.email')}</dt>
          <dd>
            <a href={`mailto:${contact.email}`} dir="ltr">
              {contact.email}
            </a>
          </dd>
        </>
      ) : null}
      {contact.website ? (
        <>
          <dt>{t('contact.website')}</dt>
          <dd>
            <a href={contact.website} dir="ltr" rel="noopener noreferrer">
              {contact.website.replace(/^https?:\/\//, '')}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  )
}
