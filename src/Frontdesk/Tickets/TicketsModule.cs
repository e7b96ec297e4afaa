using Frontdesk.Common.Data;
using Frontdesk.Tickets.Attachments;
using Frontdesk.Tickets.CreateTicket;
using Frontdesk.Tickets.Events;
using Frontdesk.Tickets.History;
using Frontdesk.Tickets.ListTickets;
using Frontdesk.Tickets.Messages;
using Frontdesk.Tickets.Search;
using Frontdesk.Tickets.UpdateTicket;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Tickets;

/// <summary>Tickets, their messages, attachments and history.</summary>
internal static class TicketsModule
{
    public static IServiceCollection AddTickets(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.Section);
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section);
        services.AddMemoryCache(); // statuses, categories and the matrix are cached
        services.AddSingleton<TicketCatalog>();
        services.AddSingleton<IInterceptor, TicketEventDispatcher>();
        services.AddSingleton<Live.TicketNotifier>();
        services.AddSingleton<ITicketCommitListener>(sp => sp.GetRequiredService<Live.TicketNotifier>());
        services.AddScoped<TicketAccess>();
        services.AddScoped<Inbox.TicketInbox>();
        services.AddScoped<TicketReader>();
        services.AddScoped<TicketLister>();
        services.AddSingleton<Queues.QueueViews>();
        services.AddScoped<TicketChoices>();
        services.AddScoped<Requesters.RequesterCard>();
        services.AddScoped<CreateTicketHandler>();
        services.AddSingleton<TicketWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketWriter>());
        services.AddScoped<UpdateTicketHandler>();
        services.AddScoped<MessageHandlers>();
        services.AddSingleton<MessageRendering>();
        services.AddScoped<AttachmentHandlers>();
        services.AddScoped<HistoryReader>();
        if (provider == DatabaseProvider.Postgres) services.AddScoped<ITicketSearch, PostgresTicketSearch>();
        else services.AddScoped<ITicketSearch, SqliteTicketSearch>();
        return services;
    }

    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        TicketEndpoints.Map(app);
        return app;
    }
}
