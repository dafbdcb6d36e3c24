package cm.vigie.commons.tenancy;

public enum InstitutionStatus {
    ACTIVE,
    SUSPENDED
}
