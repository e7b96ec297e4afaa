using Frontdesk.Directory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Frontdesk.Directory.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Domain).HasMaxLength(200);
        b.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(200);
        b.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.TimeZone).HasMaxLength(64);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(320);
        b.Property(p => p.OtherEmails).HasMaxLength(2000);
        b.Property(p => p.Phone).HasMaxLength(50);
        b.Property(p => p.MobilePhone).HasMaxLength(50);
        b.Property(p => p.PhoneE164).HasMaxLength(16);
        b.Property(p => p.MobilePhoneE164).HasMaxLength(16);
        b.HasIndex(p => p.PhoneE164);
        b.HasIndex(p => p.MobilePhoneE164);
        b.Property(p => p.TimeZone).HasMaxLength(64);
        b.Property(p => p.EmailFailure).HasMaxLength(1000);
        b.HasIndex(p => p.Email).IsUnique();
        b.HasIndex(p => p.Name);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId);
        b.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId);
        b.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId);
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.HasIndex(t => t.Name).IsUnique();
        b.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.HasKey(m => new { m.TeamId, m.PersonId });
        b.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId);
    }
}
