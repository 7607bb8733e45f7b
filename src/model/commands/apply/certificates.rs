//! The point-to-site root certificates a gateway-required connection uploads to a VNet's
//! gateway, deleted or revoked there (R12, R13).

use crate::model::command::Event;
use crate::model::commands::error::CommandError;
use crate::model::entities::certificate::Certificate;
use crate::model::entities::ids::VnetId;
use crate::model::entities::network::UploadedCertificate;
use crate::model::entities::subscription::{IssuedCertificate, Subscription};

impl Subscription {
    /// R12: the certificate the subscription's apps use for `vnet`, issued if there is none
    /// usable, and uploaded to the VNet's point-to-site configuration if it is not there.
    pub(super) fn certificate_uploaded_to(&mut self, vnet: VnetId) -> Result<String, CommandError> {
        let now = self.now();
        let network = self.vnet(vnet)?;
        let usable = self
            .certificate_for(vnet)
            .filter(|certificate| !certificate.is_expired(now))
            .filter(|certificate| {
                !network
                    .uploaded(&certificate.thumbprint)
                    .is_some_and(|u| u.revoked)
            })
            .map(|certificate| certificate.thumbprint.clone());
        let thumbprint = match usable {
            Some(thumbprint) => thumbprint,
            None => {
                let subject = format!("{}-WebApps", network.name);
                // The id is taken only once the certificate is issued: a refusal changes nothing.
                let serial = u64::from(self.next_id);
                let certificate = Certificate::issue(&subject, serial, now).map_err(|reason| {
                    CommandError::CertificateNotIssued {
                        subject: subject.clone(),
                        reason,
                    }
                })?;
                self.allocate_id();
                let thumbprint = certificate.thumbprint.clone();
                self.certificates
                    .push(IssuedCertificate { vnet, certificate });
                thumbprint
            }
        };
        let network = self.vnet_mut(vnet)?;
        let point_to_site =
            network
                .point_to_site
                .as_mut()
                .ok_or_else(|| CommandError::PointToSiteNotEnabled {
                    vnet: network.name.clone(),
                })?;
        if !point_to_site
            .certificates
            .iter()
            .any(|uploaded| uploaded.thumbprint == thumbprint)
        {
            point_to_site.certificates.push(UploadedCertificate {
                thumbprint: thumbprint.clone(),
                revoked: false,
            });
        }
        Ok(thumbprint)
    }

    pub(super) fn delete_certificate(
        &mut self,
        vnet: VnetId,
        thumbprint: &str,
    ) -> Result<Event, CommandError> {
        let network = self.vnet_mut(vnet)?;
        let name = network.name.clone();
        let point_to_site = network
            .point_to_site
            .as_mut()
            .ok_or(CommandError::PointToSiteNotEnabled { vnet: name.clone() })?;
        let before = point_to_site.certificates.len();
        point_to_site
            .certificates
            .retain(|uploaded| uploaded.thumbprint != thumbprint);
        if point_to_site.certificates.len() == before {
            return Err(CommandError::CertificateNotOnNetwork {
                thumbprint: thumbprint.to_string(),
                vnet: name,
            });
        }
        Ok(Event::new(format!(
            "Deleted the certificate {thumbprint} from {name}"
        )))
    }

    pub(super) fn revoke_certificate(
        &mut self,
        vnet: VnetId,
        thumbprint: &str,
    ) -> Result<Event, CommandError> {
        let network = self.vnet_mut(vnet)?;
        let name = network.name.clone();
        let uploaded = network
            .point_to_site
            .as_mut()
            .and_then(|p2s| {
                p2s.certificates
                    .iter_mut()
                    .find(|uploaded| uploaded.thumbprint == thumbprint)
            })
            .ok_or_else(|| CommandError::CertificateNotOnNetwork {
                thumbprint: thumbprint.to_string(),
                vnet: name.clone(),
            })?;
        uploaded.revoked = true;
        Ok(Event::new(format!(
            "Revoked the certificate {thumbprint} on {name}"
        )))
    }
}
