package cm.vigie.commons.tenancy;

/** What every service needs to know of an institution to accept its tokens: its realm and its status. */
public record KnownInstitution(String slug, InstitutionStatus status) {

    public boolean active() {
        return status == InstitutionStatus.ACTIVE;
    }
}
