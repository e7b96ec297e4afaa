using Frontdesk.Directory.Domain;
using Frontdesk.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frontdesk.Identity.Data;

internal sealed class FrontdeskUserConfiguration : IEntityTypeConfiguration<FrontdeskUser>
{
    public void Configure(EntityTypeBuilder<FrontdeskUser> b)
    {
        b.HasOne<Person>().WithOne().HasForeignKey<FrontdeskUser>(u => u.PersonId);
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.Property(s => s.Client).HasMaxLength(200);
        b.Property(s => s.Address).HasMaxLength(64);
        b.HasIndex(s => s.UserId);
        b.HasOne<FrontdeskUser>().WithMany().HasForeignKey(s => s.UserId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<FrontdeskUser>().WithMany().HasForeignKey(t => t.UserId);
    }
}
