package cm.vigie.accounts.institution;

public enum InstitutionType {
    MINISTRY,
    AGENCY,
    PUBLIC_COMPANY,
    LOCAL_AUTHORITY,
    OTHER
}
