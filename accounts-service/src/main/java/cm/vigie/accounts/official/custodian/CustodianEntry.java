package cm.vigie.accounts.official.custodian;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Custodian", description = "A member of the institution who holds an official account's keys")
public record CustodianEntry(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+", message = "{vigie.user-name.pattern}")
        @Schema(description = "User name in the institution's realm", examples = "cm") String user,
        @NotNull @Schema(examples = "OWNER") CustodianRole role) {

    static CustodianEntry of(Custodian custodian) {
        return new CustodianEntry(custodian.userName, custodian.role);
    }
}
